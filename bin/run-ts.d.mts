// Types of bin/run-ts.mjs (plain JavaScript so that it runs before tsx is loaded).
import type { ChildProcess } from 'node:child_process';

export declare const NODE_V8_OPTIONS: readonly string[];
export declare function spawnTypeScript(entry: string, args: readonly string[]): ChildProcess;
export declare function relay(child: ChildProcess): void;
