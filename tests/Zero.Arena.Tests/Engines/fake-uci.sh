#!/usr/bin/env bash
# A fake UCI engine for the arena's failure tests. It shuffles a knight out and back (White g1f3/f3g1, Black
# g8f6/f6g8), which is legal whatever the other side does as long as it is this same fake. Its first argument says
# how it fails after the number of moves in its second: "crash" exits, "silent" stops answering anything,
# "illegal" answers e2e5; "good" never fails.
mode="${1:-good}"
after="${2:-1000000}"
moves=0
side=0
count=0
while IFS= read -r line; do
  case "$line" in
    uci) echo "id name fake-$mode"; echo "uciok" ;;
    isready) echo "readyok" ;;
    quit) exit 0 ;;
    position*)
      set -- $line
      count=0
      if [ "$#" -gt 2 ]; then count=$(( $# - 3 )); fi
      ;;
    go*)
      if [ "$moves" -ge "$after" ]; then
        case "$mode" in
          crash) exit 3 ;;
          silent) exec sleep 3600 ;;
          illegal) echo "bestmove e2e5"; continue ;;
        esac
      fi
      moves=$(( moves + 1 ))
      # count = plies so far; White moves at even counts. Each side's own move number decides out or back.
      own=$(( count / 2 ))
      if [ $(( count % 2 )) -eq 0 ]; then
        if [ $(( own % 2 )) -eq 0 ]; then m=g1f3; else m=f3g1; fi
      else
        if [ $(( own % 2 )) -eq 0 ]; then m=g8f6; else m=f6g8; fi
      fi
      echo "info depth 1 score cp 0 pv $m"
      echo "bestmove $m"
      ;;
  esac
done
