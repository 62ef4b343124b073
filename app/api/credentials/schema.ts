import { z } from "zod";

/** Issued credential ids are UUIDs; anything else is answered 404 without a database read. */
export const credentialIdSchema = z.uuid();

export const statusListParamSchema = z.coerce.number().int().min(0).max(999_999_999);
