/** Sends one function call and returns the function's reply, whatever the platform. */
export type Transport = (functionName: string, event: { action: string; input: unknown }) => Promise<unknown>;
