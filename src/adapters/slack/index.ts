import type { Config } from '../../config.ts';
import type { ChatEngine } from '../../core/chat/engine.ts';
import type { Logger } from '../../core/logger.ts';
import type { PlatformAdapter } from '../platform.ts';

/** Dependencies of the Slack adapter. */
export interface SlackAdapterDeps {
  settings: NonNullable<Config['slack']>;
  engine: ChatEngine;
  logger: Logger;
}

/** Creates the Slack adapter (placeholder until the Slack issue lands). */
export function createSlackAdapter(_deps: SlackAdapterDeps): PlatformAdapter {
  throw new Error('Slack is not available in this build yet');
}
