/**
 * The lab's tasks as LabData: the teacher–student task (computed, no download) and the MNIST
 * subset (decoded from the binary the build writes, see mnist-subset.ts).
 */
import { teacherStudent } from '../tasks/teacher-student';
import { TEACHER_STUDENT } from './config';
import type { LabData } from './session';

let teacherStudentCache: LabData | null = null;

/** The teacher–student task of config.ts (computed once per process, ~0.1 s). */
export function teacherStudentLabData(): LabData {
  if (teacherStudentCache) return teacherStudentCache;
  const task = teacherStudent({ ...TEACHER_STUDENT, teacher: { ...TEACHER_STUDENT.teacher } });
  teacherStudentCache = {
    inputSize: task.inputSize,
    outputSize: task.outputSize,
    train: task.train,
    test: task.test,
    description: task.description,
  };
  return teacherStudentCache;
}
