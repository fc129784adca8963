#!/usr/bin/python3
"""CleanRL-class reference for `zero bench rl --torch`: PPO on CartPole-v1 in PyTorch, CPU, float32.

The training loop is CleanRL's ppo.py (rollout with the agent under no_grad, GAE, minibatch epochs with the clipped
surrogate, value loss, entropy bonus, global gradient clipping, Adam with linear learning-rate annealing) with the
hyper-parameters of Zero's CartPole preset (the RL Baselines3 Zoo's: 8 envs x 32 steps, 20 epochs, minibatch 256,
gamma 0.98, GAE lambda 0.8, lr lin_1e-3, clip lin_0.2; separate 64-64 tanh policy and value networks, as SB3). Gymnasium
is not a Debian package here, so the 8 CartPole-v1 environments are a NumPy port of Gymnasium's equations (Euler
integration, +1 reward per step, termination at |x| > 2.4 or |theta| > 12 degrees, truncation at 500 steps, auto-reset):
vectorised, which only makes the reference faster than CleanRL's gymnasium.vector.SyncVectorEnv.

Prints one JSON line: {"steps": N, "seconds": S, "steps_per_s": R, "final_mean_return": M, "torch": version}.
Usage: /usr/bin/python3 cleanrl_ppo_cartpole.py [--steps 100000] [--threads 1] [--seed 1]
"""
import argparse
import json
import math
import os
import sys
import time

os.environ.setdefault("OPENBLAS_CORETYPE", "SkylakeX")  # Debian's OpenBLAS misdetects this CPU (see ../shared/bench)

import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical


class CartPoleVec:
    """N CartPole-v1 environments (Gymnasium's constants and Euler update), auto-reset on termination or truncation."""

    gravity, masscart, masspole, length, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    total_mass = masscart + masspole
    polemass_length = masspole * length
    theta_threshold = 12 * 2 * math.pi / 360
    x_threshold = 2.4

    def __init__(self, n, seed):
        self.n = n
        self.rng = np.random.default_rng(seed)
        self.state = self.rng.uniform(-0.05, 0.05, size=(n, 4))
        self.steps = np.zeros(n, dtype=np.int64)
        self.returns = np.zeros(n)
        self.finished = []

    def obs(self):
        return self.state.astype(np.float32)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state.T
        force = np.where(action == 1, self.force_mag, -self.force_mag)
        costheta, sintheta = np.cos(theta), np.sin(theta)
        temp = (force + self.polemass_length * theta_dot ** 2 * sintheta) / self.total_mass
        thetaacc = (self.gravity * sintheta - costheta * temp) / (
            self.length * (4.0 / 3.0 - self.masspole * costheta ** 2 / self.total_mass))
        xacc = temp - self.polemass_length * thetaacc * costheta / self.total_mass
        x = x + self.tau * x_dot
        x_dot = x_dot + self.tau * xacc
        theta = theta + self.tau * theta_dot
        theta_dot = theta_dot + self.tau * thetaacc
        self.state = np.stack([x, x_dot, theta, theta_dot], axis=1)
        self.steps += 1
        self.returns += 1.0
        terminated = (np.abs(x) > self.x_threshold) | (np.abs(theta) > self.theta_threshold)
        truncated = self.steps >= 500
        done = terminated | truncated
        if done.any():
            k = int(done.sum())
            self.finished.extend(self.returns[done].tolist())
            self.state[done] = self.rng.uniform(-0.05, 0.05, size=(k, 4))
            self.steps[done] = 0
            self.returns[done] = 0.0
        return self.obs(), np.ones(self.n, dtype=np.float32), done


def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer


class Agent(nn.Module):
    def __init__(self):
        super().__init__()
        self.critic = nn.Sequential(layer_init(nn.Linear(4, 64)), nn.Tanh(), layer_init(nn.Linear(64, 64)), nn.Tanh(),
                                    layer_init(nn.Linear(64, 1), std=1.0))
        self.actor = nn.Sequential(layer_init(nn.Linear(4, 64)), nn.Tanh(), layer_init(nn.Linear(64, 64)), nn.Tanh(),
                                   layer_init(nn.Linear(64, 2), std=0.01))

    def get_value(self, x):
        return self.critic(x)

    def get_action_and_value(self, x, action=None):
        logits = self.actor(x)
        probs = Categorical(logits=logits)
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action), probs.entropy(), self.critic(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=100_000)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    num_envs, num_steps, update_epochs, minibatch_size = 8, 32, 20, 256
    gamma, gae_lambda, lr, clip0, ent_coef, vf_coef, max_grad_norm = 0.98, 0.8, 1e-3, 0.2, 0.0, 0.5, 0.5
    batch_size = num_envs * num_steps
    num_updates = (a.steps + batch_size - 1) // batch_size

    envs = CartPoleVec(num_envs, a.seed)
    agent = Agent()
    optimizer = torch.optim.Adam(agent.parameters(), lr=lr, eps=1e-5)
    obs = torch.zeros((num_steps, num_envs, 4))
    actions = torch.zeros((num_steps, num_envs))
    logprobs = torch.zeros((num_steps, num_envs))
    rewards = torch.zeros((num_steps, num_envs))
    dones = torch.zeros((num_steps, num_envs))
    values = torch.zeros((num_steps, num_envs))
    next_obs = torch.tensor(envs.obs())
    next_done = torch.zeros(num_envs)
    start = time.perf_counter()
    for update in range(1, num_updates + 1):
        frac = 1.0 - (update - 1.0) / num_updates
        optimizer.param_groups[0]["lr"] = frac * lr
        clip_coef = frac * clip0
        for step in range(num_steps):
            obs[step] = next_obs
            dones[step] = next_done
            with torch.no_grad():
                action, logprob, _, value = agent.get_action_and_value(next_obs)
                values[step] = value.flatten()
            actions[step] = action
            logprobs[step] = logprob
            o, r, d = envs.step(action.numpy())
            rewards[step] = torch.from_numpy(r)
            next_obs, next_done = torch.from_numpy(o), torch.from_numpy(d.astype(np.float32))
        with torch.no_grad():
            next_value = agent.get_value(next_obs).reshape(1, -1)
            advantages = torch.zeros_like(rewards)
            lastgaelam = 0
            for t in reversed(range(num_steps)):
                if t == num_steps - 1:
                    nextnonterminal, nextvalues = 1.0 - next_done, next_value
                else:
                    nextnonterminal, nextvalues = 1.0 - dones[t + 1], values[t + 1]
                delta = rewards[t] + gamma * nextvalues * nextnonterminal - values[t]
                advantages[t] = lastgaelam = delta + gamma * gae_lambda * nextnonterminal * lastgaelam
            returns = advantages + values
        b_obs, b_logprobs, b_actions = obs.reshape((-1, 4)), logprobs.reshape(-1), actions.reshape(-1)
        b_advantages, b_returns = advantages.reshape(-1), returns.reshape(-1)
        b_inds = np.arange(batch_size)
        for _ in range(update_epochs):
            np.random.shuffle(b_inds)
            for s in range(0, batch_size, minibatch_size):
                mb = b_inds[s:s + minibatch_size]
                _, newlogprob, entropy, newvalue = agent.get_action_and_value(b_obs[mb], b_actions.long()[mb])
                ratio = (newlogprob - b_logprobs[mb]).exp()
                mb_adv = b_advantages[mb]
                mb_adv = (mb_adv - mb_adv.mean()) / (mb_adv.std() + 1e-8)
                pg_loss = torch.max(-mb_adv * ratio, -mb_adv * torch.clamp(ratio, 1 - clip_coef, 1 + clip_coef)).mean()
                v_loss = ((newvalue.view(-1) - b_returns[mb]) ** 2).mean()  # SB3 and Zero: vf_coef x MSE
                loss = pg_loss - ent_coef * entropy.mean() + v_loss * vf_coef
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(agent.parameters(), max_grad_norm)
                optimizer.step()
    seconds = time.perf_counter() - start
    steps = num_updates * batch_size
    recent = envs.finished[-20:]
    print(json.dumps({"steps": steps, "seconds": round(seconds, 3), "steps_per_s": round(steps / seconds, 1),
                      "final_mean_return": round(float(np.mean(recent)), 1) if recent else None,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    sys.exit(main())
