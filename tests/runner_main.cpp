// The runner of one exercise (common/remote.hpp): linked by the grader from a student's file,
// the reference solutions of every other exercise and the lesson's table, and run in a sandbox.
// It answers the calls of exercise argv[1] that arrive on file descriptor 3, on 4.
#include <iostream>

#include "common/remote.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " <exercise>  (requests on fd 3, replies on fd 4)\n";
    return 2;
  }
  return dlc::remote::serve(argv[1], 3, 4);
}
