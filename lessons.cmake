# Every lesson of the course, in lecture order. Each line builds the lesson twice (the student's
# stubs and the reference solution), its tests against both, and registers the solution's tests
# and the check that the untouched stubs report "not implemented yet".
dlc_lesson(week1 neuron)                # 1.2
dlc_lesson(week2 images)                # 2.1
dlc_lesson(week2 logistic_regression)   # 2.2-2.4, 2.7-2.8, 2.10-2.11, 2.13
dlc_lesson(week2 computation_graph)     # 2.5-2.6
dlc_lesson(week2 vectorization)         # 2.9
dlc_lesson(week2 broadcasting)          # 2.12
dlc_lesson(week3 representation)        # 3.1-3.5
dlc_lesson(week3 activations)           # 3.6, 3.8
dlc_lesson(week3 linear_network DEPENDS week3/representation)  # 3.7
dlc_lesson(week3 shallow_network)     # 3.9
dlc_lesson(week3 initialization DEPENDS week3/representation)  # 3.10
dlc_lesson(week4 dimensions)            # 4.1-4.3
dlc_lesson(week4 deep_network DEPENDS week4/dimensions)  # 4.2, 4.5 (and 4.8's slide corrected)
dlc_lesson(week4 application DEPENDS week4/deep_network week4/dimensions)  # 4.1-4.6 on images
dlc_lesson(week4 why_deep DEPENDS week4/application week4/deep_network week4/dimensions)  # 4.4
dlc_lesson(week4 hyperparameters DEPENDS week4/application week4/deep_network week4/dimensions)  # 4.6
dlc_lesson(week1 scale DEPENDS week4/application week4/deep_network week4/dimensions)  # 1.4
dlc_lesson(course2 regularization DEPENDS course2/initialization)  # C2 1.1-1.8
dlc_lesson(course2 normalizing_inputs DEPENDS course2/initialization)  # C2 1.9
dlc_lesson(course2 initialization)      # C2 1.10-1.11 (and the week's network)
dlc_lesson(course2 gradient_checking DEPENDS course2/initialization)  # C2 1.12-1.14
dlc_lesson(course2 mini_batch DEPENDS course2/initialization)  # C2 2.1-2.2
dlc_lesson(course2 exponentially_weighted_averages)  # C2 2.3-2.5
dlc_lesson(course2 optimizers DEPENDS course2/mini_batch course2/initialization)  # C2 2.6-2.8
dlc_lesson(course2 learning_rate_decay DEPENDS course2/optimizers course2/mini_batch course2/initialization)  # C2 2.9
dlc_lesson(course2 batch_norm DEPENDS course2/initialization)  # C2 3.4-3.7
dlc_lesson(course2 softmax)  # C2 3.8-3.9
dlc_lesson(course2 fashion DEPENDS course2/batch_norm course2/softmax course2/initialization)  # C2 3.5-3.6, 3.9
dlc_lesson(course2 tuning)  # C2 3.1-3.2
dlc_lesson(course2 panda DEPENDS course2/learning_rate_decay course2/optimizers course2/mini_batch course2/initialization)  # C2 3.3
