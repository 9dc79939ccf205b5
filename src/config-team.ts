/**
 * The team-knowledge part of the settings (`config.ts` holds their defaults and schema entries and stays
 * the only reader of the environment): the duration type of `COACH_SYNC_EVERY`, and the parsed values
 * turned into {@link TeamSettings}.
 */
import { z } from 'zod';
import { CoachError } from './core/errors.ts';
import type { TeamLimits } from './core/team/types.ts';

/** A duration such as `90s`, `30m`, `1h`, `1d` (ms); `off` or `0` turn it off (0). */
export const duration = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? fallback : v.trim().toLowerCase()))
    .pipe(
      z
        .string()
        .regex(/^(?:off|0|\d{1,6}(?:ms|s|m|h|d))$/, 'must be a duration such as 30m, 1h or 1d, or off'),
    )
    .transform((v) => {
      if (v === 'off' || v === '0') return 0;
      const n = Number.parseInt(v, 10);
      const unit = v.replace(/^\d+/, '');
      const per: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
      return n * (per[unit] ?? 0);
    });

/** The parsed variables {@link teamSettings} reads. */
export interface TeamEnv {
  TEAM_KNOWLEDGE_DIR?: string | undefined;
  COACH_SYNC_EVERY: number;
  TEAM_MAX_FILE_MB: number;
  TEAM_MAX_SOURCE_MB: number;
  TEAM_MAX_PDF_PAGES: number;
  TEAM_MAX_PASSAGES: number;
  TEAM_MAX_DOCUMENTS: number;
  NOTION_TOKEN?: string | undefined;
  NOTION_API_URL?: string | undefined;
  EMBEDDINGS_MODEL?: string | undefined;
  EMBEDDINGS_BASE_URL?: string | undefined;
  EMBEDDINGS_API_KEY?: string | undefined;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  LLM_TIMEOUT_MS: number;
}

/** Settings of the team's own knowledge. */
export interface TeamSettings {
  /** A folder of the team's documents, synced as a team-wide source. `TEAM_KNOWLEDGE_DIR`, default none. */
  dir?: string;
  /** How often sources are synced, on one replica at a time (ms; 0 = only on demand). `COACH_SYNC_EVERY`, default `1h`. */
  syncEveryMs: number;
  /**
   * Limits of every sync: bytes per file (`TEAM_MAX_FILE_MB`, default 20), bytes read per source and sync
   * (`TEAM_MAX_SOURCE_MB`, default 500), pages per PDF (`TEAM_MAX_PDF_PAGES`, default 500), passages per
   * source (`TEAM_MAX_PASSAGES`, default 20000), documents per source (`TEAM_MAX_DOCUMENTS`, default 5000).
   */
  limits: TeamLimits;
  /** Notion, when `NOTION_TOKEN` (an internal integration's secret) is set; `NOTION_API_URL` for tests. */
  notion?: { token: string; apiUrl?: string };
  /**
   * Semantic search, when `EMBEDDINGS_MODEL` is set: an OpenAI-compatible embeddings endpoint at
   * `EMBEDDINGS_BASE_URL` (default `OPENAI_BASE_URL`) with `EMBEDDINGS_API_KEY` (default `OPENAI_API_KEY`).
   */
  embeddings?: { model: string; apiKey: string; baseURL?: string; timeoutMs: number };
}

export function teamSettings(e: TeamEnv): TeamSettings {
  const mb = (n: number) => n * 1_048_576;
  const apiKey = e.EMBEDDINGS_API_KEY ?? e.OPENAI_API_KEY;
  if (e.EMBEDDINGS_MODEL && !apiKey) {
    throw new CoachError(
      'config_invalid',
      'Invalid settings:\n  EMBEDDINGS_API_KEY: required with EMBEDDINGS_MODEL when OPENAI_API_KEY is not set',
      { details: { variables: ['EMBEDDINGS_API_KEY'] } },
    );
  }
  const baseURL = e.EMBEDDINGS_BASE_URL ?? e.OPENAI_BASE_URL;
  return {
    ...(e.TEAM_KNOWLEDGE_DIR ? { dir: e.TEAM_KNOWLEDGE_DIR } : {}),
    syncEveryMs: e.COACH_SYNC_EVERY,
    limits: {
      fileBytes: mb(e.TEAM_MAX_FILE_MB),
      sourceBytes: mb(e.TEAM_MAX_SOURCE_MB),
      pdfPages: e.TEAM_MAX_PDF_PAGES,
      passages: e.TEAM_MAX_PASSAGES,
      documents: e.TEAM_MAX_DOCUMENTS,
    },
    ...(e.NOTION_TOKEN
      ? { notion: { token: e.NOTION_TOKEN, ...(e.NOTION_API_URL ? { apiUrl: e.NOTION_API_URL } : {}) } }
      : {}),
    ...(e.EMBEDDINGS_MODEL && apiKey
      ? {
          embeddings: {
            model: e.EMBEDDINGS_MODEL,
            apiKey,
            ...(baseURL ? { baseURL } : {}),
            timeoutMs: e.LLM_TIMEOUT_MS,
          },
        }
      : {}),
  };
}
