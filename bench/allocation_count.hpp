// Every heap allocation of a benchmark program, counted: linking allocation_count.cpp replaces
// the program's operator new, so that a benchmark can say how many allocations (and bytes) one
// step makes.
#pragma once

namespace dlc::bench {

/// The allocations made since the program started.
long allocations_so_far();
/// The bytes those allocations asked for.
long allocated_bytes_so_far();

}  // namespace dlc::bench
