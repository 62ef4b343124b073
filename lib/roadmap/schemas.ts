import { z } from "zod";

import { skillsFileSchema } from "@/lib/notebook/schemas";

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single dashes)");

/** skills.yaml as the roadmap reads it: the notebook's skill schema with levels required. */
export const roadmapSkillsFileSchema = z
  .object({
    skills: z
      .array(
        skillsFileSchema.shape.skills.element.extend({
          levels: z.array(z.string().min(1)).length(3),
        }),
      )
      .min(1),
  })
  .strict();

export const rolesFileSchema = z
  .object({
    roles: z
      .array(
        z
          .object({
            id: kebabId,
            name: z.string().min(1),
            description: z.string().min(1),
            work: z.array(z.string().min(1)).min(1),
            requires: z
              .array(
                z
                  .object({
                    skill: kebabId,
                    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
