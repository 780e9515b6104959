#!/usr/bin/env python3
"""Score a cas-logs build on the evaluation excerpts: python3 run_checks.py [BINARY]
(default .build/debug/cas-logs). Runs `BINARY report --format json FILE` on every excerpt beside
this folder (eval/excerpts/1*.log) and checks the facts in facts.py, each filed under the mechanism
that must read it; prints PASS/MISS per fact and the score."""
import json, glob, os, sys, subprocess, collections
HERE = os.path.dirname(os.path.abspath(__file__))
EXC = os.path.dirname(HERE)
BIN = sys.argv[1] if len(sys.argv) > 1 else '.build/debug/cas-logs'
CACHE = {}
def L(n):
    if n not in CACHE:
        f = glob.glob(f'{EXC}/{n}-*.log')[0]
        out = subprocess.run([BIN, 'report', '--format', 'json', f], capture_output=True, text=True).stdout
        CACHE[n] = json.loads(out)
    return CACHE[n]
def ups(j,g=None): return [s for s in j['scaleUps'] if g is None or (s['nodeGroup'] and g in s['nodeGroup'])]
def downs(j,n=None): return [s for s in j['scaleDowns'] if n is None or (s['node'] and n in s['node'])]
def fails(j,**kw):
    r=[]
    for f in j['failures']:
        ok=True
        for k,v in kw.items():
            fv=f.get(k)
            if isinstance(v,str): ok&= (fv is not None and v.lower() in str(fv).lower())
            else: ok&= fv==v
        if ok: r.append(f)
    return r
def nsu(j,pod=None,reason=None):
    return [x for x in j['noScaleUps'] if (not pod or (x['pod'] and pod in x['pod'])) and (not reason or any(reason.lower() in s.lower() for s in x['reasons']))]
def bo(j,g,**kw):
    return [b for b in j['backoffs'] if b['nodeGroup'] and g in b['nodeGroup'] and all(str(v) in str(b.get(k)) for k,v in kw.items())]
def bsd(j,n,reason=None):
    return [b for b in j['blockedScaleDowns'] if n in b['node'] and (reason is None or b['reason']==reason)]
cloud=lambda j:j['autoscaler']['cloudProvider']
noep=lambda j: not j['scaleUps'] and not j['scaleDowns']
F={}
def fact(n,mech,desc,fn,line=''):
    F.setdefault(n,[]).append((mech,desc,fn,line))
exec(open(os.path.join(HERE,'facts.py')).read())
ok=tot=0; misses=[]
for n in sorted(F):
    try: j=L(n)
    except Exception as e: j=None
    for mech,desc,fn,line in F[n]:
        tot+=1
        try: r=bool(fn(j))
        except Exception: r=False
        ok+=r
        print(('PASS ' if r else 'MISS ')+f'({mech}) {n}: {desc}')
        if not r: misses.append(mech)
print(f'SCORE {ok}/{tot}')
print(collections.Counter(misses).most_common())
