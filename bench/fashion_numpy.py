"""The Fashion-MNIST network of Course 2 week 3 in numpy float64, written as the course writes
its numpy notebooks, timed.

Usage: fashion_numpy.py [--epochs N] [--no-batch-norm] [--train-size N] [--seed S]
                        [--fashion-dir DIR]

The same algorithm, step for step, as `dlc run course2.fashion`: layers [784, 256, 128, 10];
He initialization from np.random.RandomState(seed); in each hidden layer Z = W A, batch norm
(the mini-batch's mean and biased variance, epsilon 1e-5 inside the square root, gamma and
beta; no b) and relu, or Z = W A + b and relu with --no-batch-norm; softmax at the output;
the cross-entropy cost; Adam (beta1 0.9, beta2 0.999, epsilon 1e-8) on every parameter, with
the learning rate 0.002 / (1 + (epoch - 1)) (C2 2.9's decay); each epoch one permutation of
the examples from the same generator, cut into mini-batches of 64; running averages of mu and
sigma^2 (momentum 0.9, from 0 and 1) for the test accuracy. Prints, for each epoch,
"Epoch N: cost C, train accuracy A, test accuracy T" (the cost and the accuracy of the epoch's
mini-batches as they were trained, the accuracy on the test set after it), then "training: S seconds, E epochs, P s per epoch": the training
steps alone, without loading the data or testing.
"""
import argparse
import gzip
import struct
import sys
import time

import numpy as np


def read_idx(path, magic):
    """An IDX file of unsigned bytes (gzip-compressed or not), as an array of its shape."""
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        data = f.read()
    if len(data) < 4 or struct.unpack('>I', data[:4])[0] != magic:
        sys.exit('%s: %s: not an IDX file of magic number %#x' % (sys.argv[0], path, magic))
    ndim = magic & 0xff
    dims = struct.unpack('>' + 'I' * ndim, data[4:4 + 4 * ndim])
    if len(data) != 4 + 4 * ndim + int(np.prod(dims)):
        sys.exit('%s: %s: truncated' % (sys.argv[0], path))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_dataset(folder, train_size):
    def images(name):
        return read_idx('%s/%s-images-idx3-ubyte.gz' % (folder, name), 0x803)

    def labels(name):
        return read_idx('%s/%s-labels-idx1-ubyte.gz' % (folder, name), 0x801)

    train_x = images('train').reshape(60000, -1).T / 255.
    train_y = labels('train').reshape(1, -1).astype(np.float64)
    if train_size:
        train_x, train_y = train_x[:, :train_size], train_y[:, :train_size]
    test_x = images('t10k').reshape(10000, -1).T / 255.
    test_y = labels('t10k').reshape(1, -1).astype(np.float64)
    return train_x, train_y, test_x, test_y


def one_hot(labels, C):
    return np.eye(C)[labels.reshape(-1).astype(int)].T


def relu(z):
    return np.maximum(0, z)


def softmax(z):
    t = np.exp(z - np.max(z, axis=0, keepdims=True))
    return t / np.sum(t, axis=0, keepdims=True)


def initialize_parameters(layers_dims, batch_norm, rng):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        parameters['W' + str(l)] = rng.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(
            2. / layers_dims[l - 1])
        if batch_norm and l < L:
            parameters['gamma' + str(l)] = np.ones((layers_dims[l], 1))
            parameters['beta' + str(l)] = np.zeros((layers_dims[l], 1))
        else:
            parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def batchnorm_forward(Z, gamma, beta, epsilon=1e-5):
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    Z_tilde = gamma * Z_norm + beta
    return Z_tilde, (Z, mu, var, Z_norm, gamma, epsilon)


def batchnorm_backward(dZ_tilde, cache):
    Z, mu, var, Z_norm, gamma, epsilon = cache
    m = Z.shape[1]
    dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True) / m
    dbeta = np.sum(dZ_tilde, axis=1, keepdims=True) / m
    dZ_norm = dZ_tilde * gamma
    dvar = np.sum(dZ_norm * (Z - mu), axis=1, keepdims=True) * -0.5 * (var + epsilon) ** -1.5
    dmu = -np.sum(dZ_norm, axis=1, keepdims=True) / np.sqrt(var + epsilon)
    dZ = dZ_norm / np.sqrt(var + epsilon) + dvar * 2 * (Z - mu) / m + dmu / m
    return dZ, dgamma, dbeta


def forward_propagation(X, parameters, L):
    caches = []
    A = X
    for l in range(1, L):
        Z = np.dot(parameters['W' + str(l)], A)
        if 'gamma' + str(l) in parameters:
            Z_tilde, bn = batchnorm_forward(Z, parameters['gamma' + str(l)],
                                            parameters['beta' + str(l)])
        else:
            Z_tilde, bn = Z + parameters['b' + str(l)], None
        caches.append((A, Z_tilde, bn))
        A = relu(Z_tilde)
    caches.append((A, None, None))
    AL = softmax(np.dot(parameters['W' + str(L)], A) + parameters['b' + str(L)])
    return AL, caches


def backward_propagation(AL, Y, caches, parameters, L):
    grads = {}
    m = Y.shape[1]
    dZ = AL - Y
    grads['db' + str(L)] = np.sum(dZ, axis=1, keepdims=True) / m
    for l in range(L, 0, -1):
        A_prev, _, _ = caches[l - 1]
        grads['dW' + str(l)] = np.dot(dZ, A_prev.T) / m
        if l == 1:
            break
        dA = np.dot(parameters['W' + str(l)].T, dZ)
        _, Z_tilde, bn = caches[l - 2]
        dZ_tilde = dA * (Z_tilde > 0)
        if bn is not None:
            dZ, grads['dgamma' + str(l - 1)], grads['dbeta' + str(l - 1)] = batchnorm_backward(
                dZ_tilde, bn)
        else:
            dZ = dZ_tilde
            grads['db' + str(l - 1)] = np.sum(dZ, axis=1, keepdims=True) / m
    return grads


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.002, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    for key in parameters:
        v[key] = beta1 * v[key] + (1 - beta1) * grads['d' + key]
        # The course writes np.power(g, 2), which numpy computes with the C library's pow, entry
        # by entry: about 3.5 times slower for this whole epoch. g ** 2 is numpy's own square.
        s[key] = beta2 * s[key] + (1 - beta2) * grads['d' + key] ** 2
        v_corrected = v[key] / (1 - np.power(beta1, t))
        s_corrected = s[key] / (1 - np.power(beta2, t))
        parameters[key] = parameters[key] - learning_rate * v_corrected / (
            np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def predict_probabilities(X, parameters, running, L, epsilon=1e-5):
    A = X
    for l in range(1, L):
        Z = np.dot(parameters['W' + str(l)], A)
        if 'gamma' + str(l) in parameters:
            mu, var = running[l]
            Z_tilde = parameters['gamma' + str(l)] * (Z - mu) / np.sqrt(
                var + epsilon) + parameters['beta' + str(l)]
        else:
            Z_tilde = Z + parameters['b' + str(l)]
        A = relu(Z_tilde)
    return softmax(np.dot(parameters['W' + str(L)], A) + parameters['b' + str(L)])


def model(X, labels, test_x, test_y, batch_norm=True, epochs=5, mini_batch_size=64, seed=1,
          momentum=0.9, learning_rate0=0.002, decay_rate=1.):
    layers_dims = [784, 256, 128, 10]
    L = len(layers_dims) - 1
    Y = one_hot(labels, 10)
    rng = np.random.RandomState(seed)
    parameters = initialize_parameters(layers_dims, batch_norm, rng)
    v = {key: np.zeros(p.shape) for key, p in parameters.items()}
    s = {key: np.zeros(p.shape) for key, p in parameters.items()}
    running = {l: (np.zeros((layers_dims[l], 1)), np.ones((layers_dims[l], 1)))
               for l in range(1, L) if batch_norm}
    m = X.shape[1]
    used = m - 1 if batch_norm and m % mini_batch_size == 1 else m
    t = 0
    seconds = 0.
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        learning_rate = learning_rate0 / (1 + decay_rate * (epoch - 1))  # C2 2.9's update_lr
        # The course's random_mini_batches: shuffle the columns once, then cut.
        permutation = list(rng.permutation(m))
        shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
        shuffled_labels = labels[:, permutation]
        cost_total, correct = 0., 0
        for first in range(0, used, mini_batch_size):
            last = min(first + mini_batch_size, used)
            mini_batch_X, mini_batch_Y = shuffled_X[:, first:last], shuffled_Y[:, first:last]
            batch = range(first, last)
            AL, caches = forward_propagation(mini_batch_X, parameters, L)
            cost_total += -np.sum(mini_batch_Y * np.log(AL)) / len(batch) * len(batch)
            correct += np.sum(np.argmax(AL, axis=0) == shuffled_labels[0, first:last])
            grads = backward_propagation(AL, mini_batch_Y, caches, parameters, L)
            for l in range(1, L):
                if batch_norm:
                    _, _, (_, mu, var, _, _, _) = caches[l - 1]
                    running[l] = (momentum * running[l][0] + (1 - momentum) * mu,
                                  momentum * running[l][1] + (1 - momentum) * var)
            t = t + 1
            parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t,
                                                           learning_rate)
        seconds += time.perf_counter() - start
        test = np.mean(np.argmax(predict_probabilities(test_x, parameters, running, L), axis=0)
                       == test_y[0])
        print('Epoch %d: cost %r, train accuracy %r, test accuracy %r' %
              (epoch, float(cost_total / used), float(correct / used), float(test)), flush=True)
    return seconds


def parse_command_line(doc):
    """The command line both benchmark scripts take (see the usage line of `doc`)."""
    parser = argparse.ArgumentParser(description=doc.split('\n')[0])
    parser.add_argument('--epochs', type=int, default=1)
    parser.add_argument('--no-batch-norm', action='store_true')
    parser.add_argument('--train-size', type=int, default=0)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--fashion-dir', default='/usr/share/datasets/fashion-mnist')
    return parser.parse_args()


def main():
    args = parse_command_line(__doc__)
    train_x, train_y, test_x, test_y = load_dataset(args.fashion_dir, args.train_size)
    seconds = model(train_x, train_y, test_x, test_y, not args.no_batch_norm, args.epochs,
                    seed=args.seed)
    print('training: %.3f seconds, %d epochs, %.3f s per epoch' %
          (seconds, args.epochs, seconds / max(args.epochs, 1)))


if __name__ == '__main__':
    main()
