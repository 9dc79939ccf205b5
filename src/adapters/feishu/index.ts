import type { Config } from '../../config.ts';
import type { ChatEngine } from '../../core/chat/engine.ts';
import type { Logger } from '../../core/logger.ts';
import type { PlatformAdapter } from '../platform.ts';

/** Dependencies of the Feishu adapter. */
export interface FeishuAdapterDeps {
  settings: NonNullable<Config['feishu']>;
  engine: ChatEngine;
  logger: Logger;
}

/** Creates the Feishu adapter (placeholder until the Feishu issue lands). */
export function createFeishuAdapter(_deps: FeishuAdapterDeps): PlatformAdapter {
  throw new Error('Feishu is not available in this build yet');
}
