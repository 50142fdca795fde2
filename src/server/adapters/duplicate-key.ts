/** CloudBase answers an insert of an existing _id with MongoDB's E11000 duplicate key error. */
export const isDuplicateKey = (e: unknown): boolean => {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return /DUPLICATE_KEY|E11000/i.test(`${String(code)} ${String(message)}`);
};

/** Adds a document; false when one with its _id is already there. */
export const addOnce = async (add: () => Promise<unknown>): Promise<boolean> => {
  try {
    await add();
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
};
