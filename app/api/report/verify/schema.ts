import { z } from "zod";

/** A signed report file as uploaded; verifySkillReport checks every detail of its shape. */
export const verifyBodySchema = z.object({
  report: z.unknown(),
  signature: z.unknown(),
});

/** Reports are small (tens of kilobytes at most); refuse anything far larger unread. */
export const MAX_REPORT_BYTES = 512 * 1024;
