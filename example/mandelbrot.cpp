// Copyright (c) 2026 the fastiter authors
// SPDX-License-Identifier: BSL-1.0
// A Mandelbrot image written as PGM: rows computed in parallel, collected in order.
#include "example_options.hpp"

#include <fastiter/fastiter.hpp>

#include <complex>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <vector>

namespace fi = fastiter;
namespace po = boost::program_options;

int main(int argc, char** argv)
{
    int width = 800, height = 600, max_iterations = 500;
    std::string path = "mandelbrot.pgm";
    po::options_description options("mandelbrot: render the Mandelbrot set to a PGM image");
    options.add_options()("width", po::value(&width)->default_value(width), "image width")(
        "height", po::value(&height)->default_value(height), "image height")(
        "iterations", po::value(&max_iterations)->default_value(max_iterations), "iterations per pixel")(
        "output", po::value(&path)->default_value(path), "the PGM file to write");
    if (const auto exit_status = example::parse_command_line(argc, argv, options))
        return *exit_status;

    auto render_row = [&](int y) {
        std::vector<std::uint8_t> row(static_cast<std::size_t>(width));
        for (int x = 0; x < width; ++x) {
            const std::complex<double> c(-2.5 + 3.5 * x / width, -1.25 + 2.5 * y / height);
            std::complex<double> z = 0;
            int i = 0;
            while (i < max_iterations && std::norm(z) <= 4.0) {
                z = z * z + c;
                ++i;
            }
            row[std::size_t(x)] = std::uint8_t(255 - 255 * i / max_iterations);
        }
        return row;
    };
    // Rows near the set cost far more than rows outside it: the splitter balances by time.
    const auto rows = fi::par_range(0, height).map(render_row).collect();

    std::ofstream out(path, std::ios::binary);
    out << "P5\n" << width << ' ' << height << "\n255\n";
    for (const auto& row : rows)
        out.write(reinterpret_cast<const char*>(row.data()), std::streamsize(row.size()));
    std::cout << "wrote " << path << " (" << width << 'x' << height << ")\n";
}
