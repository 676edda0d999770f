# Seeded NAB/Yahoo-like series for `pdm detect`: python3 make_series.py OUT_DIR [SEED]
# Each OUT_DIR/KIND_N.csv has a sibling KIND_N.csv.labels (one 0/1 per row: +-100 rows around each onset).
import random, math, datetime, os, sys
OUT = sys.argv[1] if len(sys.argv) > 1 else 'series'
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
def write(path, vals, labels):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    t0=datetime.datetime(2024,1,1)
    with open(path,'w') as f:
        f.write('timestamp,value\n')
        for i,v in enumerate(vals):
            ts=(t0+datetime.timedelta(minutes=5*i)).strftime('%Y-%m-%d %H:%M:%S')
            f.write(f'{ts},{"" if v is None else round(v,5)}\n')
    with open(path+'.labels','w') as f:
        f.write('\n'.join(str(l) for l in labels))
N=4000
kinds=['spike','shift','trend','seasonal_spike','randomwalk_spike','variance','seasonal_shift','clean']
for k in kinds:
  for rep in range(3):
    vals=[];labels=[0]*N
    season = k.startswith('seasonal')
    level=10.0; rw=0.0
    for i in range(N):
        base = level + (3*math.sin(2*math.pi*i/288) if season else 0)
        if k=='randomwalk_spike':
            rw += random.gauss(0,0.3); base += rw
        noise = random.gauss(0,1)
        vals.append(base+noise)
    a = random.randint(int(0.3*N), int(0.9*N))
    w = 200
    if k in ('spike','seasonal_spike','randomwalk_spike'):
        for j in range(2):
            p = a + j*random.randint(300,600)
            if p >= N: p = a+50
            vals[p] += random.choice([-1,1])*random.uniform(5,8)
            for q in range(max(0,p-w//2),min(N,p+w//2)): labels[q]=1
    elif k in ('shift','seasonal_shift'):
        s = random.choice([-1,1])*random.uniform(3,5)
        for i in range(a,N): vals[i]+=s
        for q in range(max(0,a-w//2),min(N,a+w//2)): labels[q]=1
    elif k=='trend':
        for i in range(a,N): vals[i]+= 0.03*(i-a)
        for q in range(max(0,a-w//2),min(N,a+w//2)): labels[q]=1
    elif k=='variance':
        for i in range(a,min(N,a+300)): vals[i]+= random.gauss(0,3)
        for q in range(max(0,a-w//2),min(N,a+w//2)): labels[q]=1
    write(f'{OUT}/{k}_{rep}.csv', vals, labels)
for rep in range(3):
    vals=[10+random.gauss(0,1) for i in range(N)]; labels=[0]*N
    a=random.randint(int(0.3*N), int(0.9*N))
    for i in range(a, min(N,a+150)): vals[i]=vals[a-1]
    for q in range(max(0,a-100),min(N,a+100)): labels[q]=1
    write(f'{OUT}/flatline_{rep}.csv', vals, labels)
    vals=[float(round(5+2*random.gauss(0,1))) for i in range(N)]; labels=[0]*N
    write(f'{OUT}/quantized_clean_{rep}.csv', vals, labels)
