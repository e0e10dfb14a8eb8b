# cmake -DRUNNER=<dlc-lessons-solution> -DOUTPUT=<folder> -P MakePictures.cmake
#
# Draws the pictures the docs pages show by running the lesson programs of the reference
# solutions with --plots <folder> (gnuplot, Debian's gnuplot-nox, draws them). Doxygen finds them
# there through IMAGE_PATH and copies the ones a page names (\image html ...) into the HTML
# output. A program that fails stops this with its output.
foreach(var RUNNER OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "MakePictures.cmake: -D${var}=... is required")
  endif()
endforeach()

file(MAKE_DIRECTORY ${OUTPUT})
# Week 1's neuron fitted to the six houses; week 2's cost curve of logistic regression on
# Fashion-MNIST (some seconds); week 3's activations and their slopes, the flower,
# the network's and logistic regression's decision boundaries, the cost curve, and the sweep over
# hidden-layer sizes (the slowest, some seconds).
# Lecture 4.6's learning-rate sweep, lecture 1.4's learning curves and the cost curve of week 4's
# deep network (Fashion-MNIST; their default runs, some seconds to about 20 s each).
# Course 2: the regularization notebook's three runs (the decision boundaries, about 1 to 3 s
# each) and the early-stopping curves (about 1 s), which read ../shared/data/reg2d/data.mat
# beside the source tree (or $DLC_SHARED_DATA/reg2d); C2 1.9's contours of a cost, raw and
# normalized, the initialization lesson's three boundaries (some seconds each) and C2 1.10's
# exploding activations; Course 2 week 2's moons after gradient descent, Adam and gradient
# descent with the scheduled decay (about 0.2 s each), C2 2.3-2.5's temperature series with its
# averages (well under 1 s), C2 2.2's batch sizes (the step costs and the time per epoch, well
# under 1 s), C2 2.9's four decays, and the four optimizers' paths on a bowl and a saddle (C2
# 2.6-2.8, 2.10; well under 1 s), C2 3.8-3.9's softmax regression on three blobs (well under
# 1 s), and Course 2 week 3's Fashion-MNIST network (five epochs on all ten classes, about 10 s)
# and C2 3.6's two experiments on it (about 5 s); C2 3.1's grid against random search and coarse
# to fine on the moons (about 3 s each) and C2 3.2's samples on two scales (well under 1 s).
# Each entry is a program with its options.
foreach(command week1.neuron week2.logreg week3.activations week3.planar week3.logreg week3.sweep
                week4.learning_rates week1.scale week4.deep course2.regularization
                "course2.regularization --lambd 0.7" "course2.regularization --keep-prob 0.86"
                course2.early_stopping course2.normalizing_inputs
                "course2.initialization --init all" course2.exploding
                "course2.optimization --optimizer gd" "course2.optimization --optimizer adam"
                "course2.optimization --optimizer gd --learning-rate 0.1 --decay schedule"
                course2.ewa course2.batch_sizes course2.learning_rate_decay course2.optimizer_paths
                course2.softmax_regions course2.fashion course2.batch_norm_shift
                course2.grid_vs_random course2.sampling_scale course2.coarse_to_fine)
  separate_arguments(words UNIX_COMMAND "${command}")
  execute_process(
    COMMAND ${RUNNER} ${words} --plots ${OUTPUT}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message("${output}${errors}")
    message(FATAL_ERROR "MakePictures.cmake: '${RUNNER} ${command}' failed (${status})")
  endif()
endforeach()
# C2 3.3's caviar: dlc tune's search of the docs (12 trials, about 1 s), its pictures copied up.
execute_process(
  COMMAND ${RUNNER} course2.tune --space
          learning_rate=log:0.0001:0.1,beta1=one_minus_log:0.8:0.99,mini_batch_size=log2:16:256
          --trials 12 --out ${OUTPUT}/tune
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message("${output}${errors}")
  message(FATAL_ERROR "MakePictures.cmake: '${RUNNER} course2.tune' failed (${status})")
endif()
file(COPY_FILE ${OUTPUT}/tune/accuracy_vs_learning_rate.png
     ${OUTPUT}/tune_accuracy_vs_learning_rate.png)
file(GLOB pictures ${OUTPUT}/*.png)
list(LENGTH pictures count)
message(STATUS "Docs pictures: ${count} PNG files in ${OUTPUT}")
