/* Stands in for office.js in a test: Excel (the strict fake) reports ready only after `__LATE_MS__`. */
import { StrictExcel } from "../fakes/strictExcel";
import { generateShop, gridValues } from "../../bench/generate";

declare global {
  interface Window {
    __LATE_MS__: number;
    __FAKE__: StrictExcel;
  }
}

const fake = new StrictExcel();
for (const g of generateShop({ agents: 4, months: 1 })) fake.addSheet(g.name, gridValues(g));
window.__FAKE__ = fake;
const info = { host: "Excel", platform: "OfficeOnline" };
Object.assign(window, {
  Excel: { run: fake.run },
  Office: {
    onReady(callback?: (i: typeof info) => void) {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, window.__LATE_MS__),
      );
    },
    context: { displayLanguage: "en-US", requirements: { isSetSupported: () => true } },
  },
});
