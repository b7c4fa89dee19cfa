// What this program measures and what it was built with: --list and --build-info.
#pragma once

#include <ostream>

namespace bench {

void print_list(std::ostream& out);
void print_build_info(std::ostream& out);

}  // namespace bench
