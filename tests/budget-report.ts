/** Compare measured bytes and counts with a budget; the table says what grew. */
export interface Budget {
  htmlCssTransferBytes: number;
  htmlCssRequests: number;
  totalTransferBytes: number;
  totalRequests: number;
  scriptTransferBytes: number;
  fontRequests: number;
  /** What the service worker itself downloads: its script and anything it fetches. */
  workerTransferBytes: number;
}

export function budgetReport(actual: Budget, budget: Budget): { over: Array<keyof Budget>; table: string } {
  const keys = Object.keys(budget) as Array<keyof Budget>;
  const over = keys.filter((k) => actual[k] > budget[k]);
  const table = keys
    .map((k) => {
      const delta = actual[k] - budget[k];
      return `${over.includes(k) ? '✗' : ' '} ${k.padEnd(22)} ${String(actual[k]).padStart(7)} / ${String(budget[k]).padEnd(6)}${delta > 0 ? ` +${delta}` : ''}`;
    })
    .join('\n');
  return { over, table };
}
