/** The dynamic segment of every /api/studio/courses/<id>/… route. */
export interface CourseParams {
  readonly params: Promise<{ id: string }>;
}
