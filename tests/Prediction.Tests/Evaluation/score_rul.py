# RMSE of pdm rul predict output against the truth: python3 score_rul.py PRED.csv TRUTH.csv
import sys
p={l.split(',')[0]:float(l.split(',')[1]) for l in open(sys.argv[1]).read().split('\n')[1:] if l}
t={l.split(',')[0]:float(l.split(',')[1]) for l in open(sys.argv[2]).read().split('\n')[1:] if l}
import math
e=[p[u]-t[u] for u in t]; m=sum(t.values())/len(t)
print('RMSE %.2f  (capped-truth RMSE %.2f)  const-mean RMSE %.2f n=%d'%(math.sqrt(sum(x*x for x in e)/len(e)), math.sqrt(sum((p[u]-min(t[u],125))**2 for u in t)/len(t)), math.sqrt(sum((t[u]-m)**2 for u in t)/len(t)), len(e)))
