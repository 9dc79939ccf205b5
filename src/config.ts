import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { FeishuSettings } from './adapters/feishu/index.ts';
import type { SlackSettings } from './adapters/slack/index.ts';
import { duration, type TeamEnv, type TeamSettings, teamSettings } from './config-team.ts';
import { ADMIN_ENTRY } from './core/chat/admins.ts';
import { CoachError } from './core/errors.ts';
import { isTimeZone } from './core/tips/local-time.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The default of every setting, in one place: the schema below applies them, and nothing else in Coach
 * has its own copy (components get the values passed in).
 */
export const DEFAULTS = {
  knowledgeDir: 'knowledge',
  logLevel: 'info',
  model: 'gpt-4o-mini',
  llmTimeoutMs: 30_000,
  llmMaxRetries: 2,
  rerank: 'on',
  maxTokens: 1_500,
  breakerFailures: 3,
  breakerCooldownMs: 30_000,
  tokensParam: 'max_tokens',
  rerankTimeoutMs: 3_000,
  dbPath: 'data/coach.db',
  timezone: 'Asia/Shanghai',
  maxConcurrentLlm: 4,
  userMessagesPerMinute: 6,
  chatMessagesPerMinute: 30,
  userQueue: 3,
  dailyTokenBudget: 0,
  retentionDays: 180,
  claimLeaseMs: 60_000,
  sweepMs: 5_000,
  /** Below Docker's 10 s stop timeout. */
  shutdownGraceMs: 8_000,
  deliveryRetryMs: 600_000,
  port: 3_000,
  feishuDomain: 'feishu',
  feishuMode: 'ws',
  syncEvery: '1h',
  teamMaxFileMb: 20,
  teamMaxSourceMb: 500,
  teamMaxPdfPages: 500,
  teamMaxPassages: 20_000,
  teamMaxDocuments: 5_000,
} as const;

/** Empty strings in `.env` files mean "not set". */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intWithDefault = (fallback: number, min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .transform((v) => Number(v))
    .pipe(z.number({ message }).int({ message }).min(min, { message }).max(max, { message }));
};

const timeZone = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? DEFAULTS.timezone : v.trim()))
  .refine((tz) => isTimeZone(tz), {
    message: 'must be an IANA time zone such as Asia/Shanghai or Europe/Berlin',
  });

const envSchema = z.object({
  KNOWLEDGE_DIR: optionalString.transform((v) => v ?? DEFAULTS.knowledgeDir),
  LOG_LEVEL: optionalString.transform((v) => v ?? DEFAULTS.logLevel).pipe(z.enum(LOG_LEVELS)),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(
    z.url({ message: 'must be a URL such as https://api.openai.com/v1' }).optional(),
  ),
  COACH_MODEL: optionalString.transform((v) => v ?? DEFAULTS.model),
  LLM_TIMEOUT_MS: intWithDefault(DEFAULTS.llmTimeoutMs, 1_000, 600_000),
  LLM_MAX_RETRIES: intWithDefault(DEFAULTS.llmMaxRetries, 0, 10),
  LLM_MAX_TOKENS: intWithDefault(DEFAULTS.maxTokens, 64, 32_000),
  LLM_BREAKER_FAILURES: intWithDefault(DEFAULTS.breakerFailures, 1, 100),
  LLM_BREAKER_COOLDOWN_MS: intWithDefault(DEFAULTS.breakerCooldownMs, 100, 3_600_000),
  LLM_TOKENS_PARAM: optionalString
    .transform((v) => v ?? DEFAULTS.tokensParam)
    .pipe(z.enum(['max_tokens', 'max_completion_tokens'])),
  LLM_RERANK: optionalString.transform((v) => v ?? DEFAULTS.rerank).pipe(z.enum(['on', 'off'])),
  LLM_RERANK_TIMEOUT_MS: intWithDefault(DEFAULTS.rerankTimeoutMs, 200, 60_000),
  LLM_STRUCTURED_OUTPUTS: optionalString
    .transform((v) => v ?? 'auto')
    .pipe(z.enum(['auto', 'json_schema', 'json_object'])),
  COACH_DB_PATH: optionalString.transform((v) => v ?? DEFAULTS.dbPath),
  COACH_TIMEZONE: timeZone,
  COACH_MAX_CONCURRENT_LLM: intWithDefault(DEFAULTS.maxConcurrentLlm, 1, 64),
  COACH_USER_MESSAGES_PER_MINUTE: intWithDefault(DEFAULTS.userMessagesPerMinute, 0, 10_000),
  COACH_CHAT_MESSAGES_PER_MINUTE: intWithDefault(DEFAULTS.chatMessagesPerMinute, 0, 100_000),
  COACH_USER_QUEUE: intWithDefault(DEFAULTS.userQueue, 1, 1_000),
  COACH_DAILY_TOKEN_BUDGET: intWithDefault(DEFAULTS.dailyTokenBudget, 0, 1_000_000_000),
  COACH_RETENTION_DAYS: intWithDefault(DEFAULTS.retentionDays, 1, 36_500),
  COACH_ADMINS: optionalString
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(ADMIN_ENTRY, 'each entry is <platform>:<user id>, e.g. slack:U0123ABCD'))),
  COACH_ADMIN_TOKEN: optionalString.pipe(
    z.string().min(16, { message: 'must be at least 16 characters (e.g. openssl rand -hex 24)' }).optional(),
  ),
  COACH_CLAIM_LEASE_MS: intWithDefault(DEFAULTS.claimLeaseMs, 100, 3_600_000),
  COACH_SWEEP_MS: intWithDefault(DEFAULTS.sweepMs, 50, 600_000),
  COACH_SHUTDOWN_GRACE_MS: intWithDefault(DEFAULTS.shutdownGraceMs, 0, 600_000),
  COACH_DELIVERY_RETRY_MS: intWithDefault(DEFAULTS.deliveryRetryMs, 0, 1_800_000),
  COACH_WORKERS: optionalString.pipe(
    z
      .union([z.undefined(), z.literal('auto'), z.string().regex(/^\d{1,2}$/, 'must be auto or 0 to 16')])
      .transform((v, ctx) => {
        if (v === undefined || v === 'auto') return 'auto' as const;
        const n = Number(v);
        if (n > 16) ctx.addIssue({ code: 'custom', message: 'must be auto or 0 to 16' });
        return n;
      }),
  ),
  PORT: intWithDefault(DEFAULTS.port, 0, 65_535),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(
    z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional(),
  ),
  FEISHU_APP_ID: optionalString,
  FEISHU_APP_SECRET: optionalString,
  FEISHU_DOMAIN: optionalString.transform((v) => v ?? DEFAULTS.feishuDomain),
  FEISHU_MODE: optionalString.transform((v) => v ?? DEFAULTS.feishuMode).pipe(z.enum(['ws', 'http'])),
  FEISHU_ENCRYPT_KEY: optionalString,
  FEISHU_VERIFICATION_TOKEN: optionalString,
  TEAM_KNOWLEDGE_DIR: optionalString,
  COACH_SYNC_EVERY: duration(DEFAULTS.syncEvery),
  TEAM_MAX_FILE_MB: intWithDefault(DEFAULTS.teamMaxFileMb, 1, 1_024),
  TEAM_MAX_SOURCE_MB: intWithDefault(DEFAULTS.teamMaxSourceMb, 1, 100_000),
  TEAM_MAX_PDF_PAGES: intWithDefault(DEFAULTS.teamMaxPdfPages, 1, 100_000),
  TEAM_MAX_PASSAGES: intWithDefault(DEFAULTS.teamMaxPassages, 1, 1_000_000),
  TEAM_MAX_DOCUMENTS: intWithDefault(DEFAULTS.teamMaxDocuments, 1, 1_000_000),
  NOTION_TOKEN: optionalString,
  NOTION_API_URL: optionalString.pipe(
    z.url({ message: 'must be a URL such as https://api.notion.com' }).optional(),
  ),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BASE_URL: optionalString.pipe(
    z.url({ message: 'must be a URL such as https://api.openai.com/v1' }).optional(),
  ),
  EMBEDDINGS_API_KEY: optionalString,
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
      .optional(),
  ),
});

/** Coach's settings, validated. Every field documents the environment variable it comes from. */
export interface Config {
  /** Folder of knowledge entries. `KNOWLEDGE_DIR`, default `knowledge`. */
  knowledgeDir: string;
  /** pino log level. `LOG_LEVEL`, default `info`. */
  logLevel: (typeof LOG_LEVELS)[number];
  /** The LLM; undefined when `OPENAI_API_KEY` is not set (Coach then runs offline). */
  llm?: {
    /** `OPENAI_API_KEY`. */
    apiKey: string;
    /** Any OpenAI-compatible endpoint. `OPENAI_BASE_URL`, default the SDK's (OpenAI). */
    baseURL?: string;
    /** `COACH_MODEL`, default `gpt-4o-mini`. */
    model: string;
    /** Per-request timeout. `LLM_TIMEOUT_MS`, default 30000. */
    timeoutMs: number;
    /** Retries on 429/5xx/connection errors, with backoff. `LLM_MAX_RETRIES`, default 2. */
    maxRetries: number;
    /** Output tokens allowed per call. `LLM_MAX_TOKENS`, default 1500. */
    maxTokens: number;
    /**
     * The circuit breaker: after this many calls in a row fail with an outage (`LLM_BREAKER_FAILURES`,
     * default 3), answers go offline at once for `breakerCooldownMs` (`LLM_BREAKER_COOLDOWN_MS`, default
     * 30000), then one probe call decides whether the model is back.
     */
    breakerFailures: number;
    breakerCooldownMs: number;
    /** `LLM_TOKENS_PARAM`: `max_tokens` (default) or `max_completion_tokens` (OpenAI reasoning models). */
    tokensParam: 'max_tokens' | 'max_completion_tokens';
    /**
     * Before answering, one short call sorts retrieval's top ten by how well each answers the question,
     * within this timeout (ms); undefined when `LLM_RERANK=off`. `LLM_RERANK` (default `on`),
     * `LLM_RERANK_TIMEOUT_MS` (default 3000).
     */
    rerankTimeoutMs?: number;
    /** `LLM_STRUCTURED_OUTPUTS`: `auto` (default: json_schema, falling back to JSON mode), `json_schema`, `json_object`. */
    structuredOutputs: 'auto' | 'json_schema' | 'json_object';
  };
  /** SQLite file. `COACH_DB_PATH`, default `data/coach.db`. */
  dbPath: string;
  /** Default time zone of daily tips. `COACH_TIMEZONE`, default `Asia/Shanghai`. */
  timezone: string;
  /** Bound on LLM calls in flight, shared fairly between users. `COACH_MAX_CONCURRENT_LLM`, default 4. */
  maxConcurrentLlm: number;
  /**
   * Flood limits on questions and reviews: per user a minute (`COACH_USER_MESSAGES_PER_MINUTE`, default
   * 6), per chat a minute (`COACH_CHAT_MESSAGES_PER_MINUTE`, default 30; 0 turns either off), and one
   * user's messages waiting or running at once (`COACH_USER_QUEUE`, default 3).
   */
  limits: { userPerMinute: number; chatPerMinute: number; userQueue: number };
  /** Model tokens a workspace may use a day. `COACH_DAILY_TOKEN_BUDGET`, default 0 (no budget). */
  dailyTokenBudget: number;
  /** Days conversations, reviews, feedback and tip records are kept. `COACH_RETENTION_DAYS`, default 180. */
  retentionDays: number;
  /**
   * Who may run the admin commands in chat: `COACH_ADMINS`, comma-separated `<platform>:<user id>` (or
   * `<platform>:<workspace>:<user id>`), default none. See `core/chat/admins.ts`.
   */
  admins: readonly string[];
  /**
   * Turns on the admin page (`/admin` on `PORT`, or `coach admin`): the token to sign in with (or to
   * send as `Authorization: Bearer …`). `COACH_ADMIN_TOKEN`, at least 16 characters; default unset (the
   * page is off and every `/admin` request gets 401).
   */
  adminToken?: string;
  /**
   * How long a replica's claim on a message it is answering lasts; when it runs out unfinished (the
   * replica died), another replica takes the message over. The lease is renewed every third of its
   * length while the answer is being written, so it bounds how fast a dead replica's work is taken over,
   * not how long an answer may take. `COACH_CLAIM_LEASE_MS`, default 60000.
   */
  claimLeaseMs: number;
  /** How often a service looks for expired claims to take over. `COACH_SWEEP_MS`, default 5000. */
  sweepMs: number;
  /**
   * On SIGTERM/SIGINT, how long work in flight may take to finish before its claims are released to the
   * other replicas and the process exits. `COACH_SHUTDOWN_GRACE_MS`, default 8000 (below Docker's 10 s).
   */
  shutdownGraceMs: number;
  /**
   * How long a reply the platform refuses (an outage, rate limits) is retried by the process that holds
   * it, with backoff up to 30 s, before the user gets a short "could not post" notice.
   * `COACH_DELIVERY_RETRY_MS`, default 600000 (10 minutes).
   */
  deliveryRetryMs: number;
  /**
   * Threads that answer and review offline beside the event loop in the service (`COACH_WORKERS`): `auto`
   * (default: one per core beyond the first, 1 to 4), a number, or 0 for none (in the event loop).
   */
  workers: 'auto' | number;
  /** HTTP port for `/healthz`, `/slack/events`, `/feishu/events`. `PORT`, default 3000. */
  port: number;
  /** Slack, when `SLACK_BOT_TOKEN` is set (each field names its variable). */
  slack?: SlackSettings;
  /** Feishu / Lark, when `FEISHU_APP_ID` and `FEISHU_APP_SECRET` are set. */
  feishu?: FeishuSettings;
  /** `DATABASE_URL` (postgres://…): several replicas share one PostgreSQL; unset → SQLite at `dbPath`. */
  databaseUrl?: string;
  /** The team's own knowledge (README "Your team's knowledge"). */
  team: TeamSettings;
}

/**
 * Reads and validates the settings. The only reader of `process.env`; loads `.env` from the working
 * directory first when present (without overriding variables already set).
 * Throws `CoachError('config_invalid')` naming each bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CoachError('config_invalid', `Invalid settings:\n  ${problems.join('\n  ')}`, {
      details: { variables: parsed.error.issues.map((i) => i.path.join('.')) },
    });
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new CoachError(
      'config_invalid',
      'Invalid settings:\n  SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (HTTP mode)',
      { details: { variables: ['SLACK_SIGNING_SECRET'] } },
    );
  }
  if (Boolean(e.FEISHU_APP_ID) !== Boolean(e.FEISHU_APP_SECRET)) {
    const missing = e.FEISHU_APP_ID ? 'FEISHU_APP_SECRET' : 'FEISHU_APP_ID';
    throw new CoachError(
      'config_invalid',
      `Invalid settings:\n  ${missing}: required with the other Feishu credential`,
      {
        details: { variables: [missing] },
      },
    );
  }
  return {
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          model: e.COACH_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxRetries: e.LLM_MAX_RETRIES,
          maxTokens: e.LLM_MAX_TOKENS,
          breakerFailures: e.LLM_BREAKER_FAILURES,
          breakerCooldownMs: e.LLM_BREAKER_COOLDOWN_MS,
          tokensParam: e.LLM_TOKENS_PARAM,
          ...(e.LLM_RERANK === 'on' ? { rerankTimeoutMs: e.LLM_RERANK_TIMEOUT_MS } : {}),
          structuredOutputs: e.LLM_STRUCTURED_OUTPUTS,
        }
      : undefined,
    dbPath: e.COACH_DB_PATH,
    timezone: e.COACH_TIMEZONE,
    maxConcurrentLlm: e.COACH_MAX_CONCURRENT_LLM,
    limits: {
      userPerMinute: e.COACH_USER_MESSAGES_PER_MINUTE,
      chatPerMinute: e.COACH_CHAT_MESSAGES_PER_MINUTE,
      userQueue: e.COACH_USER_QUEUE,
    },
    dailyTokenBudget: e.COACH_DAILY_TOKEN_BUDGET,
    retentionDays: e.COACH_RETENTION_DAYS,
    admins: e.COACH_ADMINS,
    adminToken: e.COACH_ADMIN_TOKEN,
    claimLeaseMs: e.COACH_CLAIM_LEASE_MS,
    sweepMs: e.COACH_SWEEP_MS,
    shutdownGraceMs: e.COACH_SHUTDOWN_GRACE_MS,
    deliveryRetryMs: e.COACH_DELIVERY_RETRY_MS,
    workers: e.COACH_WORKERS,
    port: e.PORT,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
        }
      : undefined,
    feishu:
      e.FEISHU_APP_ID && e.FEISHU_APP_SECRET
        ? {
            appId: e.FEISHU_APP_ID,
            appSecret: e.FEISHU_APP_SECRET,
            domain: e.FEISHU_DOMAIN,
            mode: e.FEISHU_MODE,
            encryptKey: e.FEISHU_ENCRYPT_KEY,
            verificationToken: e.FEISHU_VERIFICATION_TOKEN,
          }
        : undefined,
    databaseUrl: e.DATABASE_URL,
    team: teamSettings(e satisfies TeamEnv),
  };
}

/** Every variable Coach reads (`.env.example` documents each one). */
export const SETTINGS: readonly string[] = Object.keys(envSchema.shape);

function readProcessEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
