/** Runs in every unit/integration test file: its temp dirs go when the file is done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir';

afterAll(removeTempDirs);
