"""The Fashion-MNIST network of Course 2 week 3 in PyTorch float32, as a PyTorch user writes it,
timed.

Usage: fashion_torch.py [--epochs N] [--no-batch-norm] [--train-size N] [--seed S]
                        [--fashion-dir DIR]

nn.Sequential(Linear(784, 256), BatchNorm1d(256), ReLU(), Linear(256, 128), BatchNorm1d(128),
ReLU(), Linear(128, 10)) (the Linear layers before a BatchNorm1d without a bias, as batch norm
makes it useless), CrossEntropyLoss (softmax and the cross-entropy in one), optim.Adam with
learning rate 0.002 / epoch and its default betas, mini-batches of 64 of a new torch.randperm each
epoch. The same network and algorithm as `dlc run course2.fashion`, in single precision, with
PyTorch's own initialization and random numbers (so its costs are close to, not equal to, the
others'), on PyTorch's default number of threads. Prints "Epoch N: cost C, train accuracy A,
test accuracy T" for each epoch, then "training: S seconds, E epochs, P s per epoch": the
training steps alone.
"""
import time

import numpy as np
import torch
from torch import nn

from fashion_numpy import parse_command_line, read_idx  # beside this file


def load(folder, name, train_size=0):
    x = read_idx('%s/%s-images-idx3-ubyte.gz' % (folder, name), 0x803)
    y = read_idx('%s/%s-labels-idx1-ubyte.gz' % (folder, name), 0x801)
    x = torch.tensor(x.reshape(len(x), -1) / 255., dtype=torch.float32)
    y = torch.tensor(y.astype(np.int64))
    if train_size:
        x, y = x[:train_size], y[:train_size]
    return x, y


def main():
    args = parse_command_line(__doc__)
    X, y = load(args.fashion_dir, 'train', args.train_size)
    test_x, test_y = load(args.fashion_dir, 't10k')
    torch.manual_seed(args.seed)
    if args.no_batch_norm:
        net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                            nn.Linear(128, 10))
    else:
        net = nn.Sequential(nn.Linear(784, 256, bias=False), nn.BatchNorm1d(256), nn.ReLU(),
                            nn.Linear(256, 128, bias=False), nn.BatchNorm1d(128), nn.ReLU(),
                            nn.Linear(128, 10))
    optimizer = torch.optim.Adam(net.parameters(), lr=0.002)
    # C2 2.9's decay, as dlc's: 0.002 / (1 + (epoch - 1)) in each epoch.
    decay = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda e: 1 / (1 + e))
    loss_function = nn.CrossEntropyLoss()
    m = len(X)
    seconds = 0.
    for epoch in range(1, args.epochs + 1):
        net.train()
        start = time.perf_counter()
        permutation = torch.randperm(m)
        cost_total, correct = 0., 0
        for first in range(0, m, 64):
            batch = permutation[first:first + 64]
            optimizer.zero_grad()
            output = net(X[batch])
            loss = loss_function(output, y[batch])
            loss.backward()
            optimizer.step()
            cost_total += loss.item() * len(batch)
            correct += (output.argmax(dim=1) == y[batch]).sum().item()
        seconds += time.perf_counter() - start
        decay.step()
        net.eval()
        with torch.no_grad():
            test = (net(test_x).argmax(dim=1) == test_y).double().mean().item()
        print('Epoch %d: cost %r, train accuracy %r, test accuracy %r' %
              (epoch, cost_total / m, correct / m, test), flush=True)
    print('training: %.3f seconds, %d epochs, %.3f s per epoch (%d threads)' %
          (seconds, args.epochs, seconds / max(args.epochs, 1), torch.get_num_threads()))


if __name__ == '__main__':
    main()
