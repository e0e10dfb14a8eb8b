"""The cat notebook's L-layer model in numpy, as the course writes it, timed.

Usage: deep_numpy.py DATA_DIR [ITERATIONS]

Trains [12288, 20, 7, 5, 1] on DATA_DIR/train_catvnoncat.h5 with learning rate 0.0075 and
np.random.seed(1), printing the cost every 100 iterations and after the last one, then one line
"training: S seconds" (the training loop alone, without loading the data). It follows the
notebook's helper functions step by step, including the gradient with respect to X that the
notebook computes and never uses, so that it times the course's own code.
"""
import sys
import time

import h5py
import numpy as np


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    return np.maximum(0, Z), Z


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


def initialize_parameters_deep(layer_dims):
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(
            layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    A, activation_cache = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, ((A_prev, W, b), activation_cache)


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                             "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)],
                                          "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)


def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = sigmoid_backward(dA, Z) if activation == "sigmoid" else relu_backward(dA, Z)
    m = A_prev.shape[1]
    dW = 1. / m * np.dot(dZ, A_prev.T)
    db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads[
            "dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads[
            "db" + str(l + 1)]
    return parameters


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    iterations = int(sys.argv[2]) if len(sys.argv) == 3 else 2500
    with h5py.File(sys.argv[1] + "/train_catvnoncat.h5", "r") as f:
        x = np.array(f["train_set_x"][:])
        y = np.array(f["train_set_y"][:])
    train_x = x.reshape(x.shape[0], -1).T / 255.
    train_y = y.reshape((1, y.shape[0]))

    start = time.perf_counter()
    parameters = initialize_parameters_deep([12288, 20, 7, 5, 1])
    for i in range(iterations):
        AL, caches = L_model_forward(train_x, parameters)
        cost = compute_cost(AL, train_y)
        grads = L_model_backward(AL, train_y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
        if i % 100 == 0 or i == iterations - 1:
            print("Cost after iteration {}: {}".format(i, cost), flush=True)
    print("training: {:.2f} seconds".format(time.perf_counter() - start))


if __name__ == "__main__":
    main()
