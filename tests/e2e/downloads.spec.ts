import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { loadLessonChecks } from "../../lib/grading/load-checks";

const CONTENT = path.join(process.cwd(), "content");
const LESSON = "/learn/qml-foundations/qubits";
const SLIDER_CELL = "qubits-ry-slider"; // `input float theta; // @range theta 0 2*pi 2.0944`
const checks = loadLessonChecks(CONTENT, "qml-foundations", "01-qubits");

interface Cell {
  cell_type: "markdown" | "code";
  id: string;
  source: string[];
}

/** `python3 -m py_compile` on each code cell; it exits non-zero (naming the line) on an error. */
function assertPythonCompiles(cells: readonly Cell[]): void {
  const dir = mkdtempSync(path.join(tmpdir(), "ketbook-download-"));
  try {
    const files = cells
      .filter((c) => c.cell_type === "code" && !c.source.join("").startsWith("%pip"))
      .map((c) => {
        const file = path.join(dir, `${c.id}.py`);
        writeFileSync(file, c.source.join(""));
        return file;
      });
    execFileSync("python3", ["-m", "py_compile", ...files], { stdio: "pipe" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the lesson's .ipynb converts every cell (sliders as bound Parameters), with exercise goals and the quiz without answers", async ({
  page,
}) => {
  // Translating every cell runs in the simulation pool: slow on two busy cores.
  test.setTimeout(90_000);
  const { exercises, quiz } = await checks;
  await page.goto(LESSON);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download .ipynb" }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, "utf8");
  const notebook = JSON.parse(text) as { cells: Cell[] };
  const source = (id: string) => notebook.cells.find((c) => c.id === id)!.source.join("");

  expect(text).not.toContain("could not translate");
  const slider = source(SLIDER_CELL);
  expect(slider).toContain('theta = Parameter("theta")');
  expect(slider).toContain("qc.ry(theta, q[0])");
  expect(slider).toContain("circuit = qc.assign_parameters({theta: 2.0944})");
  assertPythonCompiles(notebook.cells);

  for (const exercise of exercises) {
    const at = notebook.cells.findIndex((c) => c.id === exercise.cell);
    expect(notebook.cells[at - 1].source.join("")).toContain(`### Exercise: ${exercise.title}`);
  }
  const quizCell = notebook.cells.at(-1)!.source.join("");
  expect(quizCell).toMatch(/^## Check your understanding/);
  for (const question of quiz!.questions) {
    expect(quizCell).toContain(question.prompt.trim().split("\n")[0]);
    const explanation = question.explanation.replace(/\s+/g, " ").slice(0, 40);
    expect(text.replace(/\s+/g, " ")).not.toContain(explanation);
  }
  expect(text).not.toMatch(/"(answer|explanation|check)"/);
});

test("a slider cell's Qiskit export keeps the input as a Parameter, bound to the slider's value", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(LESSON);
  const cell = page.locator(`#cell-${SLIDER_CELL}`);
  const slider = cell.getByRole("slider", { name: "theta" });
  await slider.focus();
  await page.keyboard.press("End"); // theta = 2π, the slider's maximum
  await cell.getByText("Export").click();
  await cell.getByRole("button", { name: "Qiskit" }).click();
  await expect(cell.getByText("Copied Qiskit code to the clipboard.")).toBeVisible();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  expect(code).toContain('theta = Parameter("theta")');
  expect(code).toContain("qc.ry(theta, q[0])");
  expect(code).toContain(`circuit = qc.assign_parameters({theta: ${2 * Math.PI}})`);
  assertPythonCompiles([{ cell_type: "code", id: "export", source: [code] }]);
});
