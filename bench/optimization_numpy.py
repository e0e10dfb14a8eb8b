"""The optimization notebook's model on the moons in numpy, as the course writes it, timed.

Usage: optimization_numpy.py [--optimizer gd|momentum|adam] [--epochs N] [--write-moons CSV]

Makes the notebook's data (np.random.seed(3), then scikit-learn's make_moons(n_samples=300,
noise=.2), written here in numpy: scikit-learn draws from numpy's global generator, so these are
the very same points), and trains the notebook's network [2, 5, 2, 1] (He initialization after
np.random.seed(3), LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID) with mini-batches of
64, reshuffled each epoch with np.random.seed(10 + epoch + 1), by gradient descent (learning
rate 0.0007), momentum (beta 0.9) or Adam (beta1 0.9, beta2 0.999, epsilon 1e-8), for 5000
epochs unless told otherwise. It prints the notebook's "Cost after epoch i: c" every 1000
epochs (the summed cross-entropy of the epoch's mini-batches divided by m), its
"Accuracy: ..." on the training set, then one line "training: S seconds, E epochs, P ms per
epoch" (the training loop alone, without making the data). --write-moons CSV also writes the
data as x1,x2,y with Python's repr of each number, to compare with another generator's.
"""
import argparse
import math
import sys
import time

import numpy as np


# ---- The data: scikit-learn's make_moons, on numpy's global generator ----

def cos(x):
    """np.cos through the C library's cos, entry by entry (see sin)."""
    return np.array([math.cos(v) for v in x])


def sin(x):
    """np.sin through the C library's sin, entry by entry: numpy's own SIMD sin and cos may
    differ from it in the last bit on some processors, the C library's do not."""
    return np.array([math.sin(v) for v in x])


def make_moons(n_samples=300, noise=0.2):
    """sklearn.datasets.make_moons(n_samples, shuffle=True, noise, random_state=None)."""
    n_samples_out = n_samples // 2
    n_samples_in = n_samples - n_samples_out
    outer_circ_x = cos(np.linspace(0, np.pi, n_samples_out))
    outer_circ_y = sin(np.linspace(0, np.pi, n_samples_out))
    inner_circ_x = 1 - cos(np.linspace(0, np.pi, n_samples_in))
    inner_circ_y = 1 - sin(np.linspace(0, np.pi, n_samples_in)) - .5
    X = np.vstack([np.append(outer_circ_x, inner_circ_x),
                   np.append(outer_circ_y, inner_circ_y)]).T
    y = np.hstack([np.zeros(n_samples_out, dtype=np.intp), np.ones(n_samples_in, dtype=np.intp)])
    # sklearn.utils.shuffle(X, y, random_state=generator): one shuffle of the indices.
    indices = np.arange(n_samples)
    np.random.shuffle(indices)
    X, y = X[indices], y[indices]
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def load_dataset():
    np.random.seed(3)
    train_X, train_Y = make_moons(n_samples=300, noise=.2)
    train_X = train_X.T
    train_Y = train_Y.reshape((1, train_Y.shape[0]))
    return train_X, train_Y


# ---- opt_utils: the network ----

def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def initialize_parameters(layer_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(
            2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def compute_cost(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    cost_total = np.sum(logprobs)
    return cost_total


def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dz3": dz3, "dW3": dW3, "db3": db3, "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def predict(X, y, parameters):
    m = X.shape[1]
    p = np.zeros((1, m), dtype=int)
    a3, caches = forward_propagation(X, parameters)
    for i in range(0, a3.shape[1]):
        p[0, i] = 1 if a3[0, i] > 0.5 else 0
    print("Accuracy: " + str(np.mean((p[0, :] == y[0, :]))))
    return p


# ---- The notebook's exercises ----

def update_parameters_with_gd(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v


def initialize_adam(parameters):
    L = len(parameters) // 2
    v = {}
    s = {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected = {}
    s_corrected = {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            d = "d" + p + str(l)
            v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
            v_corrected[d] = v[d] / (1 - np.power(beta1, t))
            s[d] = beta2 * s[d] + (1 - beta2) * np.power(grads[d], 2)
            s_corrected[d] = s[d] / (1 - np.power(beta2, t))
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v_corrected[d] / (
                np.sqrt(s_corrected[d]) + epsilon)
    return parameters, v, s


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, print_cost=True):
    costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    parameters = initialize_parameters(layers_dims)
    if optimizer == "momentum":
        v = initialize_velocity(parameters)
    elif optimizer == "adam":
        v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        seed = seed + 1  # a new shuffle each epoch
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch in minibatches:
            (minibatch_X, minibatch_Y) = minibatch
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta,
                                                                learning_rate)
            elif optimizer == "adam":
                t = t + 1  # Adam's counter
                parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t,
                                                               learning_rate, beta1, beta2,
                                                               epsilon)
        cost_avg = cost_total / m
        if print_cost and i % 1000 == 0:
            print("Cost after epoch %i: %f" % (i, cost_avg), flush=True)
        if print_cost and i % 100 == 0:
            costs.append(cost_avg)
    return parameters


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--optimizer", choices=("gd", "momentum", "adam"), default="adam")
    parser.add_argument("--epochs", type=int, default=5000)
    parser.add_argument("--write-moons", metavar="CSV")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")

    train_X, train_Y = load_dataset()
    if args.write_moons:
        with open(args.write_moons, "w") as f:
            f.write("x1,x2,y\n")
            for i in range(train_X.shape[1]):
                f.write("{!r},{!r},{}\n".format(float(train_X[0, i]), float(train_X[1, i]),
                                                int(train_Y[0, i])))

    start = time.perf_counter()
    parameters = model(train_X, train_Y, [train_X.shape[0], 5, 2, 1], args.optimizer,
                       num_epochs=args.epochs)
    seconds = time.perf_counter() - start
    predict(train_X, train_Y, parameters)
    print("training: {:.2f} seconds, {} epochs, {:.4f} ms per epoch".format(
        seconds, args.epochs, 1000 * seconds / args.epochs))


if __name__ == "__main__":
    sys.exit(main())
