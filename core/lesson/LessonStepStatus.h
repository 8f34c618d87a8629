// SPDX-License-Identifier: MIT
#pragma once

// How far a lesson step has got. Both halves of a lesson use it: the executor
// (LessonExecutor) sets it, the player (LessonRunner) and the views read it.
enum class LessonStepStatus
{
    NotRun,
    Running,
    WaitingForUser,
    Done,
    Failed,
    Skipped,
};
