// The layering table of docs/architecture.md is enforced by ESLint; these cases prove a wrong import fails
// `npm test` (lint) rather than trusting the config to be right.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message);
}

describe('layering rules', () => {
  it.each([
    ['src/shared/model/x.ts', "import { readFile } from 'node:fs';"],
    ['src/shared/model/x.ts', "import { app } from 'electron';"],
    ['src/shared/model/x.ts', "import { x } from '../../main/service/workbench';"],
    ['src/main/service/x.ts', "import { app } from 'electron';"],
    ['src/main/service/x.ts', "import { App } from '../../renderer/src/App';"],
    ['src/renderer/src/stores/x.ts', "import { readFile } from 'fs';"],
    ['src/renderer/src/stores/x.ts', "import { Low } from 'lowdb';"],
    ['src/renderer/src/stores/x.ts', "import { createDocumentEditor } from '../editor/document-editor';"],
    ['src/renderer/src/editor/x.ts', "import { useState } from 'react';"],
    ['src/renderer/src/editor/x.ts', "import { documentPhase } from '../stores/annotation-store';"],
    ['src/renderer/src/components/X.tsx', "import { api } from '../api/client';"],
    ['src/renderer/src/stores/x.ts', 'export const bridge = window.tagwright;'],
    ['src/preload/x.ts', "import { openWorkbench } from '../main/service/open-workbench';"],
  ])('refuses %s importing: %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/shared/model/x.ts', "import { z } from 'zod';"],
    ['src/main/ipc.ts', "import { ipcMain } from 'electron';"],
    ['src/renderer/src/components/X.tsx', "import { api } from '@shared/api';"],
    ['src/renderer/src/api/x.ts', 'export const bridge = window.tagwright;'],
  ])('allows %s importing: %s', async (file, code) => {
    expect(await restrictedImportMessages(file, code)).toEqual([]);
  });
});
