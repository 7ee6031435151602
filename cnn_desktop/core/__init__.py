"""The engine under the window: model, preprocessing, inference, training, weights.

Nothing in this package imports Qt, so it runs the same in the app, the command
line, the tests and the benchmarks.
"""
