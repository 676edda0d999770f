# Windows detected / false-alarm runs outside windows after the first 15%, per kind and threshold:
# python3 score_windows.py PDM_OUTPUT_DIR SERIES_DIR
import sys, os, glob, collections
outdir=sys.argv[1]; indir=sys.argv[2]
ths=[0.3,0.5,0.7,0.8,0.9,0.95]
agg=collections.defaultdict(lambda: collections.defaultdict(lambda:[0,0,0]))
tot={t:[0,0,0] for t in ths}
for f in sorted(glob.glob(os.path.join(indir,'**','*.csv'),recursive=True)):
    rel=os.path.relpath(f,indir); kind=rel.rsplit('_',1)[0]
    labels=[int(x) for x in open(f+'.labels').read().split()]
    rows=open(os.path.join(outdir,rel)).read().strip().split('\n')[1:]
    s=[float(r.split(',')[-1]) for r in rows]
    N=len(s); prob=int(0.15*N)
    # windows
    wins=[];i=0
    while i<N:
        if labels[i]:
            j=i
            while j<N and labels[j]: j+=1
            wins.append((i,j)); i=j
        else: i+=1
    for t in ths:
        tp=sum(1 for a,b in wins if max(s[a:b])>=t)
        fp=0; inrun=False
        for i in range(prob,N):
            if s[i]>=t and not labels[i]:
                if not inrun: fp+=1
                inrun=True
            else: inrun=False
        agg[kind][t][0]+=tp; agg[kind][t][1]+=len(wins); agg[kind][t][2]+=fp
        tot[t][0]+=tp; tot[t][1]+=len(wins); tot[t][2]+=fp
for k in agg:
    print(f'{k:18s}', '  '.join(f'{t}:{v[0]}/{v[1]} fp{v[2]}' for t,v in agg[k].items()))
print('TOTAL             ', '  '.join(f'{t}:{v[0]}/{v[1]} fp{v[2]}' for t,v in tot.items()))
