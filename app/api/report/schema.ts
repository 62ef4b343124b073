import { z } from "zod";

export const reportQuerySchema = z.object({
  handle: z
    .string()
    .regex(/^[a-z0-9-]{1,30}$/i, "handle: 1 to 30 letters, digits or dashes")
    .optional(),
});
