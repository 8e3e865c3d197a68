/** What only a host can do with a receipt: the Electron host implements it (main/electron/printer.ts). */
import type { ReceiptPage, SaveReceiptPdfInput } from '../../app/contract';

/** Silent receipt printing and saving it as a PDF file: only the Electron host can do them itself. */
export interface ReceiptPrinter {
  print(page: ReceiptPage): Promise<void>;
  /** Writes the receipt into <dataDir>/receipts, named after its reference; answers the file's path. */
  savePdf(request: SaveReceiptPdfInput, dataDir: string): Promise<string>;
}

