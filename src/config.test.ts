import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { isCoachError } from './core/errors.ts';

describe('loadConfig', () => {
  it('uses defaults and runs offline without a key', () => {
    const c = loadConfig({});
    expect(c.knowledgeDir).toBe('knowledge');
    expect(c.logLevel).toBe('info');
    expect(c.llm).toBeUndefined();
    expect(c.dbPath).toBe('data/coach.db');
    expect(c.timezone).toBe('Asia/Shanghai');
  });

  it('treats empty strings from .env as unset', () => {
    const c = loadConfig({ OPENAI_API_KEY: '', LOG_LEVEL: '  ', KNOWLEDGE_DIR: '' });
    expect(c.llm).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.knowledgeDir).toBe('knowledge');
  });

  it('configures the LLM when a key is set', () => {
    const c = loadConfig({
      OPENAI_API_KEY: 'sk-fake-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_TIMEOUT_MS: '5000',
    });
    expect(c.llm).toMatchObject({
      apiKey: 'sk-fake-test',
      baseURL: 'http://127.0.0.1:9/v1',
      timeoutMs: 5000,
    });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ LOG_LEVEL: 'loud', LLM_TIMEOUT_MS: 'soon', COACH_TIMEZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (err) {
      expect(isCoachError(err, 'config_invalid')).toBe(true);
      const msg = (err as Error).message;
      expect(msg).toContain('LOG_LEVEL');
      expect(msg).toContain('LLM_TIMEOUT_MS');
      expect(msg).toContain('COACH_TIMEZONE');
    }
  });

  it('reads the replica settings: claim lease, sweep interval, shutdown grace', () => {
    expect(loadConfig({})).toMatchObject({ claimLeaseMs: 60_000, sweepMs: 5_000, shutdownGraceMs: 8_000 });
    expect(
      loadConfig({ COACH_CLAIM_LEASE_MS: '1500', COACH_SWEEP_MS: '300', COACH_SHUTDOWN_GRACE_MS: '0' }),
    ).toMatchObject({ claimLeaseMs: 1_500, sweepMs: 300, shutdownGraceMs: 0 });
    expect(() => loadConfig({ COACH_CLAIM_LEASE_MS: '0' })).toThrow(/COACH_CLAIM_LEASE_MS/);
  });

  it('reads COACH_ADMINS as platform:user entries and names a bad one', () => {
    expect(loadConfig({}).admins).toEqual([]);
    expect(loadConfig({ COACH_ADMINS: 'slack:U01, feishu:t1:ou_x' }).admins).toEqual([
      'slack:U01',
      'feishu:t1:ou_x',
    ]);
    expect(() => loadConfig({ COACH_ADMINS: 'U01' })).toThrow(/COACH_ADMINS/);
  });

  it('reads the team knowledge settings: sync interval, limits, Notion, embeddings', () => {
    const d = loadConfig({}).team;
    expect(d).toMatchObject({
      syncEveryMs: 3_600_000,
      limits: { fileBytes: 20 * 1_048_576, pdfPages: 500, passages: 20_000 },
    });
    expect(d.dir).toBeUndefined();
    expect(d.notion).toBeUndefined();
    expect(d.embeddings).toBeUndefined();
    expect(loadConfig({ COACH_SYNC_EVERY: '30m' }).team.syncEveryMs).toBe(1_800_000);
    expect(loadConfig({ COACH_SYNC_EVERY: 'off' }).team.syncEveryMs).toBe(0);
    expect(() => loadConfig({ COACH_SYNC_EVERY: 'hourly' })).toThrow(/COACH_SYNC_EVERY/);
    expect(() => loadConfig({ TEAM_MAX_FILE_MB: '0' })).toThrow(/TEAM_MAX_FILE_MB/);
    const t = loadConfig({
      TEAM_KNOWLEDGE_DIR: 'docs',
      NOTION_TOKEN: 'ntn_x',
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
    }).team;
    expect(t).toMatchObject({
      dir: 'docs',
      notion: { token: 'ntn_x' },
      embeddings: { model: 'text-embedding-3-small', apiKey: 'sk-x', baseURL: 'http://127.0.0.1:9/v1' },
    });
    expect(() => loadConfig({ EMBEDDINGS_MODEL: 'm' })).toThrow(/EMBEDDINGS_API_KEY/);
  });
});
