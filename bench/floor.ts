/** The I/O floor of the score command: ExcelJS's bare read and write of the same file, nothing else. */
import ExcelJS from "exceljs";
import { readFile, writeFile } from "node:fs/promises";

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.load((await readFile(input)) as unknown as ArrayBuffer);
await writeFile(output, new Uint8Array(await wb.xlsx.writeBuffer()));
