/**
 * Token counts when the service does not report them (a streamed answer): estimated, without a
 * tokenizer. A CJK character is about one token, other text about four characters a token.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk += 1;
  }
  return cjk + Math.ceil((text.length - cjk) / 4);
}
