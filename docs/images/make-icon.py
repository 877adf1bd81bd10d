#!/usr/bin/env python3
"""Writes docs/images/icon.png, the NuGet package icon: a central atom bonded to a shell of neighbours
(an atomic cluster, what ACE expands), drawn with the standard library only (4x supersampled, no artwork)."""
import math, struct, zlib, pathlib

N, S = 128, 4                      # icon size in pixels, supersampling factor
BACK, BOND = (24, 54, 96), (150, 190, 230)
CENTRE, SHELL = (250, 180, 60), (90, 170, 240)
neighbours = [(64 + 40 * math.cos(a), 64 + 40 * math.sin(a)) for a in (math.radians(90 + 72 * k) for k in range(5))]

def colour(x, y):
    """Colour of the point (x, y) in icon pixels: rounded square, bonds, then atoms on top."""
    r = 18.0                                           # corner radius of the rounded square
    cx, cy = min(max(x, r), N - r), min(max(y, r), N - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    for nx, ny in neighbours:                          # atoms: shaded discs
        d = math.hypot(x - nx, y - ny)
        if d < 13:
            return tuple(int(c * (1 - 0.35 * d / 13)) for c in SHELL)
    d = math.hypot(x - 64, y - 64)
    if d < 17:
        return tuple(int(c * (1 - 0.35 * d / 17)) for c in CENTRE)
    for nx, ny in neighbours:                          # bonds: segments centre -> neighbour
        t = max(0.0, min(1.0, ((x - 64) * (nx - 64) + (y - 64) * (ny - 64)) / ((nx - 64) ** 2 + (ny - 64) ** 2)))
        if math.hypot(x - 64 - t * (nx - 64), y - 64 - t * (ny - 64)) < 3.2:
            return BOND
    return BACK

rows = bytearray()
for j in range(N):
    rows.append(0)                                     # PNG filter type: none
    for i in range(N):
        acc, alpha = [0, 0, 0], 0
        for sj in range(S):
            for si in range(S):
                c = colour(i + (si + 0.5) / S, j + (sj + 0.5) / S)
                if c is not None:
                    acc = [a + b for a, b in zip(acc, c)]
                    alpha += 1
        rows += bytes([a // alpha if alpha else 0 for a in acc] + [255 * alpha // (S * S)])

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
pathlib.Path(__file__).with_name("icon.png").write_bytes(png)
