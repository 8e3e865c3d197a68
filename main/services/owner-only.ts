/**
 * Modes for what the app writes in the data dir (journal, logs, exports, receipts): readable by
 * its owner only, where the OS has modes (Windows keeps the user profile's ACLs and ignores them).
 */
export const OWNER_DIR = 0o700;
export const OWNER_FILE = 0o600;
