# Golden trajectories for the classic-control ports: the step functions of Gymnasium's classic_control sources
# (cartpole.py, acrobot.py, mountain_car.py, continuous_mountain_car.py, pendulum.py), typed out term for term
# and run from given states with given actions. Run: /usr/bin/python3 classic_control_golden.py > golden.txt
# (needs numpy; Debian's python3-numpy). The C# tests (ClassicControlGoldenTests) embed the printed numbers.
import math
import numpy as np
from numpy import cos, sin, pi

def cartpole(state, actions):
    g, mc, mp = 9.8, 1.0, 0.1; total = mp + mc; length = 0.5; pml = mp * length; fm = 10.0; tau = 0.02
    thr = 12 * 2 * math.pi / 360
    out = []
    x, x_dot, theta, theta_dot = state
    steps_beyond = None
    for a in actions:
        force = fm if a == 1 else -fm
        costheta = np.cos(theta); sintheta = np.sin(theta)
        temp = (force + pml * np.square(theta_dot) * sintheta) / total
        thetaacc = (g * sintheta - costheta * temp) / (length * (4.0 / 3.0 - mp * np.square(costheta) / total))
        xacc = temp - pml * thetaacc * costheta / total
        x = x + tau * x_dot; x_dot = x_dot + tau * xacc; theta = theta + tau * theta_dot; theta_dot = theta_dot + tau * thetaacc
        terminated = bool(x < -2.4 or x > 2.4 or theta < -thr or theta > thr)
        if not terminated: r = 1.0
        elif steps_beyond is None: steps_beyond = 0; r = 1.0
        else: steps_beyond += 1; r = 0.0
        out.append(([x, x_dot, theta, theta_dot], r, terminated))
    return out

def acrobot(state, actions):
    AV = [-1.0, 0.0, +1]
    def dsdt(sa):
        m1 = m2 = l1 = 1.0; lc1 = lc2 = 0.5; I1 = I2 = 1.0; g = 9.8
        a = sa[-1]; s = sa[:-1]
        theta1, theta2, dtheta1, dtheta2 = s[0], s[1], s[2], s[3]
        d1 = m1 * lc1**2 + m2 * (l1**2 + lc2**2 + 2 * l1 * lc2 * cos(theta2)) + I1 + I2
        d2 = m2 * (lc2**2 + l1 * lc2 * cos(theta2)) + I2
        phi2 = m2 * lc2 * g * cos(theta1 + theta2 - pi / 2.0)
        phi1 = (-m2 * l1 * lc2 * dtheta2**2 * sin(theta2) - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * cos(theta1 - pi / 2) + phi2)
        ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * dtheta1**2 * sin(theta2) - phi2) / (m2 * lc2**2 + I2 - d2**2 / d1)
        ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return dtheta1, dtheta2, ddtheta1, ddtheta2, 0.0
    def rk4(y0, t):
        yout = np.zeros((len(t), len(y0)), np.float64); yout[0] = y0
        for i in range(len(t) - 1):
            dt = t[i + 1] - t[i]; dt2 = dt / 2.0; y0 = yout[i]
            k1 = np.asarray(dsdt(y0)); k2 = np.asarray(dsdt(y0 + dt2 * k1)); k3 = np.asarray(dsdt(y0 + dt2 * k2)); k4 = np.asarray(dsdt(y0 + dt * k3))
            yout[i + 1] = y0 + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
        return yout[-1][:4]
    def wrap(x, m, M):
        diff = M - m
        while x > M: x = x - diff
        while x < m: x = x + diff
        return x
    s = np.array(state, dtype=np.float64); out = []
    for a in actions:
        ns = rk4(np.append(s, AV[a]), [0, 0.2])
        ns[0] = wrap(ns[0], -pi, pi); ns[1] = wrap(ns[1], -pi, pi)
        ns[2] = min(max(ns[2], -4 * pi), 4 * pi); ns[3] = min(max(ns[3], -9 * pi), 9 * pi)
        s = ns
        term = bool(-cos(s[0]) - cos(s[1] + s[0]) > 1.0)
        out.append((list(s), -1.0 if not term else 0.0, term))
    return out

def mountain_car(state, actions):
    position, velocity = state; out = []
    for a in actions:
        velocity += (a - 1) * 0.001 + math.cos(3 * position) * (-0.0025)
        velocity = np.clip(velocity, -0.07, 0.07)
        position += velocity
        position = np.clip(position, -1.2, 0.6)
        if position == -1.2 and velocity < 0: velocity = 0
        term = bool(position >= 0.5 and velocity >= 0)
        out.append(([float(position), float(velocity)], -1.0, term))
    return out

def mountain_car_continuous(state, actions):
    st = np.array(state, dtype=np.float64); out = []
    for a in actions:
        action = np.array([a], dtype=np.float32)
        position = float(st[0]); velocity = float(st[1])
        force = min(max(float(action[0]), -1.0), 1.0)
        velocity += force * 0.0015 - 0.0025 * math.cos(3 * position)
        if velocity > 0.07: velocity = 0.07
        if velocity < -0.07: velocity = -0.07
        position += velocity
        if position > 0.6: position = 0.6
        if position < -1.2: position = -1.2
        if position == -1.2 and velocity < 0: velocity = 0
        term = bool(position >= 0.45 and velocity >= 0)
        reward = 0
        if term: reward = 100.0
        reward -= math.pow(float(action[0]), 2) * 0.1
        st = np.array([position, velocity], dtype=np.float32)
        out.append(([float(st[0]), float(st[1])], reward, term))
    return out

def pendulum(state, actions):
    th, thdot = state; g = 10.0; m = 1.0; l = 1.0; dt = 0.05; out = []
    def angle_normalize(x): return ((x + np.pi) % (2 * np.pi)) - np.pi
    for a in actions:
        u = float(np.clip(np.array([a], dtype=np.float32), -2.0, 2.0)[0])
        costs = angle_normalize(th) ** 2 + 0.1 * thdot**2 + 0.001 * (u**2)
        newthdot = thdot + (3 * g / (2 * l) * np.sin(th) + 3.0 / (m * l**2) * u) * dt
        newthdot = np.clip(newthdot, -8, 8)
        newth = th + newthdot * dt
        th, thdot = float(newth), float(newthdot)
        out.append(([th, thdot], -float(costs), False))
    return out

cases = [
    ("CartPole", [0.0, 0.0, 0.0, 0.0], [1, 1, 0, 1, 0, 0, 1, 1, 1, 1]),
    ("CartPole", [0.01, -0.02, 0.03, 0.04], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ("Acrobot", [0.05, -0.03, 0.02, 0.01], [2, 2, 0, 1, 2, 0, 0, 2, 1, 2]),
    ("Acrobot", [3.0, 0.5, 12.0, -27.0], [2, 0, 1]),
    ("MountainCar", [-0.5, 0.0], [2, 2, 0, 1, 2, 2, 2, 0, 0, 2]),
    ("MountainCar", [-1.19, -0.02], [0, 0, 2]),
    ("MountainCar", [0.49, 0.02], [2]),
    ("MountainCarContinuous", [-0.5, 0.0], [1.0, 0.5, -0.3, 2.5, -1.7, 0.0]),
    ("MountainCarContinuous", [0.44, 0.02], [1.0]),
    ("Pendulum", [2.5, -0.5], [1.0, -3.0, 0.25, 2.0, -1.9, 0.0]),
    ("Pendulum", [-7.0, 7.9], [2.0, 2.0]),
]
fns = {"CartPole": cartpole, "Acrobot": acrobot, "MountainCar": mountain_car, "MountainCarContinuous": mountain_car_continuous, "Pendulum": pendulum}
for name, state, actions in cases:
    print(f"case {name} state {' '.join(repr(float(v)) for v in state)} actions {' '.join(repr(a) for a in actions)}")
    for s, r, t in fns[name](state, actions):
        print(f"  {' '.join(repr(float(v)) for v in s)} | {repr(float(r))} | {t}")
