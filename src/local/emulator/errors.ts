// Errors that travel back to the SDK as `{ code, message }`; the SDK turns them into a thrown
// TcbError carrying the same code (tcbapirequester.ts: `if (result?.code) processReturn(result)`).
export type EmulatorErrorCode =
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_DUPLICATE_KEY'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'FUNCTION_NOT_FOUND'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'SYS_ERR';

export class EmulatorError extends Error {
  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

export function invalidParam(message: string): EmulatorError {
  return new EmulatorError('INVALID_PARAM', message);
}

/** Anything thrown while serving a request becomes a coded error; unknown failures are SYS_ERR. */
export function toEmulatorError(err: unknown): EmulatorError {
  if (err instanceof EmulatorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new EmulatorError('SYS_ERR', message);
}
