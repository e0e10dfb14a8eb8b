# Every lesson of the course, in lecture order.
