# Seeded C-MAPSS-like run-to-failure data: python3 make_turbofan.py SEED REGIMES PREFIX
# writes PREFIX_train.csv (run to failure), PREFIX_test.csv (cut before failure) and PREFIX_truth.csv (unit,rul).
import random, math, sys
random.seed(int(sys.argv[1])); regimes=int(sys.argv[2]); out=sys.argv[3]
R=[(random.uniform(0,40), random.uniform(0,0.8), random.choice([60,100])) for _ in range(regimes)]
def unit_rows(u, life):
    rows=[]; a=random.uniform(0.1,0.3); b=random.uniform(1.5,3.0); off=[random.gauss(0,0.3) for _ in range(21)]
    for c in range(1,life+1):
        h = a*math.exp(b*(c/life)) - a   # degradation
        r = R[random.randrange(regimes)]
        s=[r[0]+random.gauss(0,0.002), r[1]+random.gauss(0,0.0002), r[2]]
        for j in range(21):
            if j in (0,4,9,15,17,18): v = 100+ (r[0]*2 if regimes>1 else 0)   # constant per regime
            else:
                sens = (j%5+1)*(1 if j%2 else -1)*0.8
                v = 500 + 10*j + (r[0]*(j%7+1)*3 + r[1]*80*(j%3+1) if regimes>1 else 0) + sens*h + off[j] + random.gauss(0,1.0)
            s.append(round(v,4))
        rows.append((u,c,s))
    return rows
hdr='unit,cycle,'+','.join(['setting1','setting2','setting3']+[f's{j+1}' for j in range(21)])
with open(out+'_train.csv','w') as f:
    f.write(hdr+'\n')
    for u in range(1,101):
        for (uu,c,s) in unit_rows(u, random.randint(130,360)): f.write(f'{uu},{c},'+','.join(map(str,s))+'\n')
with open(out+'_test.csv','w') as f, open(out+'_truth.csv','w') as t:
    f.write(hdr+'\n'); t.write('unit,rul\n')
    for u in range(1,101):
        life=random.randint(130,360); rows=unit_rows(u,life); cut=random.randint(max(31,life-190),life-1)
        for (uu,c,s) in rows[:cut]: f.write(f'{uu},{c},'+','.join(map(str,s))+'\n')
        t.write(f'{u},{life-cut}\n')
