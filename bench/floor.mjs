/** The I/O floor the score command is compared with: ExcelJS's bare read and write of the same file, in plain Node. */
import ExcelJS from "exceljs";
import { readFile, writeFile } from "node:fs/promises";

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(await readFile(input));
await writeFile(output, new Uint8Array(await wb.xlsx.writeBuffer()));
