/** Prints the review evaluation; filled in with the review issue. */
export function runReviewEval(_verbose: boolean): void {}
