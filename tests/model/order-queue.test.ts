/**
 * provision/order-queue.ts: after an afternoon that tried only the first orders (the RC's hours
 * ran out), the queue is what trying every order in turn would have left — the orders not
 * delivered, in their order — whichever side the gap is closed from and wherever the ring wraps.
 */
import { describe, expect, it } from 'vitest';
import { keepPlaces } from '../../src/modules/provision/order-queue.js';
import type { OrderQueue } from '../../src/modules/provision/state.js';

const inOrder = (q: OrderQueue) => Array.from({ length: q.length }, (_, i) => q.items[(q.head + i) % q.items.length]);

describe('the order queue keeps the places of the orders not delivered', () => {
  it('as trying every order in turn would, for every stop and every choice of orders delivered, across the wrap', () => {
    const wrong: string[] = [];
    let cases = 0;
    for (let size = 1; size <= 7; size++) {
      for (let head = 0; head < size; head++) {
        for (let n = 0; n <= size; n++) {
          for (let tried = 0; tried <= n; tried++) {
            // Each subset of the tried orders as the delivered ones (bit i: the i-th order).
            for (let mask = 0; mask < 1 << tried; mask++) {
              const queue: OrderQueue = { items: new Int32Array(size).fill(-1), head, length: n };
              for (let i = 0; i < n; i++) queue.items[(head + i) % size] = 100 + i;
              const isDelivered = (h: number) => h - 100 < tried && (mask & (1 << (h - 100))) !== 0;
              // Every order in turn, the untried ones not delivered: what the queue must hold.
              const expected = inOrder(queue).filter((h) => !isDelivered(h));
              // The afternoon's loop: the first `tried` orders, the kept ones written back at the front.
              let kept = 0;
              for (let i = 0, to = head; i < tried; i++) {
                const h = queue.items[(head + i) % size];
                if (isDelivered(h)) continue;
                queue.items[to] = h;
                to = (to + 1) % size;
                kept++;
              }
              keepPlaces(queue, tried, kept);
              const got = inOrder(queue);
              if (got.join() !== expected.join()) wrong.push(`size ${size} head ${head} n ${n} tried ${tried} delivered ${mask.toString(2)}: ${got.join()} not ${expected.join()}`);
              cases++;
            }
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(cases).toBeGreaterThan(5000);
  });
});
