import { z } from "zod";

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single dashes)");

export const lessonFrontMatterSchema = z
  .object({
    id: kebabId,
    title: z.string().min(1),
    summary: z.string().min(1),
    minutes: z.number().int().min(1).max(120),
    skills: z.array(kebabId).min(1),
    objectives: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const courseFileSchema = z
  .object({
    id: kebabId,
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    lessons: z
      .array(z.string().regex(/^\d{2}-[a-z0-9-]+$/, "must be a file stem like 01-qubits"))
      .min(1),
  })
  .strict();

export const skillsFileSchema = z
  .object({
    skills: z
      .array(
        z
          .object({
            id: kebabId,
            name: z.string().min(1),
            area: z.string().min(1),
            description: z.string().min(1),
            prerequisites: z.array(kebabId).default([]),
            // Read by the roadmap (lib/roadmap), which requires them; optional here so the
            // notebook loader stays usable on a bare skill list.
            levels: z.array(z.string().min(1)).length(3).optional(),
            // Where to get a skill Ketbook cannot evidence (real hardware, a given SDK, Python):
            // such a skill is shown as "not assessed here", and no exercise or quiz may claim it.
            elsewhere: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** "skills.2.id: must be kebab-case" — the zod issue path, readable in a test failure. */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
