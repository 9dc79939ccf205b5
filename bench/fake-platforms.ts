/** The settings that point a Coach process at the fake Slack and Feishu servers (benchmarks). */
import type { FakeFeishu } from '../test/fakes/fake-feishu.ts';
import type { FakeSlack } from '../test/fakes/fake-slack.ts';
import {
  REPLICA_ENCRYPT_KEY,
  REPLICA_VERIFICATION_TOKEN,
  SLACK_TEST_SECRET,
} from '../test/replicas-support.ts';

/** Slack and Feishu (HTTP mode) settings for the fakes, with obviously fake credentials. */
export function fakePlatformEnv(slack: FakeSlack, feishu: FakeFeishu, name: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: `xoxb-fake-${name}`,
    SLACK_SIGNING_SECRET: SLACK_TEST_SECRET,
    SLACK_API_URL: slack.apiUrl,
    FEISHU_APP_ID: 'cli_fake_app',
    FEISHU_APP_SECRET: 'fake-secret',
    FEISHU_DOMAIN: feishu.url,
    FEISHU_MODE: 'http',
    FEISHU_ENCRYPT_KEY: REPLICA_ENCRYPT_KEY,
    FEISHU_VERIFICATION_TOKEN: REPLICA_VERIFICATION_TOKEN,
  };
}
