/**
 * XLIFF 1.2 and 2.1 round trips for CAT tools: a task's source cut into segments with inline codes,
 * targets seeded and marked, and an upload checked against the pinned source before it becomes the draft.
 */
package newsdesk.xliff;
