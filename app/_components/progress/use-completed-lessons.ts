"use client";

import { guestCompletedLessons } from "@/lib/progress/guest-progress";
import type { CompletedLessons } from "@/lib/progress/lesson-state";

import { useGuestValue } from "./use-guest-storage";

const NONE: CompletedLessons = {};

/**
 * Completed lessons of every course: the account's (`initial`, rendered on the server) for a
 * signed-in learner, or this browser's for a guest (`initial` null).
 */
export function useCompletedLessons(initial: CompletedLessons | null): CompletedLessons {
  const guest = useGuestValue(guestCompletedLessons, initial === null);
  return initial ?? guest ?? NONE;
}
